using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// For <c>AuthorizeRouteView</c>'s NotAuthorized: once interactive, sends the user to the login page with the current
/// path as <c>?to=</c>. Renders nothing and does nothing during prerendering (no flash of the login page), and
/// nothing for a signed-in user who lacks a role.
/// </summary>
public sealed class RedirectToLogin : ComponentBase
{
    /// <summary>Where to go; default <see cref="RefineBlazorOptions.LoginPath"/>. Ignored unless it is a local path.</summary>
    [Parameter]
    public string? LoginPath { get; set; }

    [CascadingParameter]
    private RefineAuthState? State { get; set; }

    [Inject]
    private INavigator Navigator { get; set; } = default!;

    [Inject]
    private AuthManager Auth { get; set; } = default!;

    [Inject]
    private IOptions<RefineBlazorOptions> Options { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (!RendererInfo.IsInteractive && !RefineServices.Require<InteractivityMonitor>(Services).IsInteractive)
        {
            return;
        }

        RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();

        // Only a user known to be signed out is sent away: not while loading, and not a signed-in user without a role.
        if (State is not { Status: AuthStatus.Unauthenticated } state)
        {
            return;
        }

        // A newer change (the login that navigated here) is being worked out: its snapshot decides (ADR 0007).
        if (RefineServices.Require<RefineAuthStateSource>(Services).IsSuperseded(state))
        {
            return;
        }

        var target = LocalRedirect.IsLocal(LoginPath) ? LoginPath! : Options.Value.LoginPath;
        ReturnPath.Redirect(Navigator, target, Auth.Options.ReturnPathParameter, appendCurrentPath: true);
    }
}
