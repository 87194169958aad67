using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// Every way a component learns the auth state, side by side under one <see cref="Refine"/>: the guard, the identity
/// and permissions views, AuthorizeView and the cascaded state. Each renders one span whose text
/// <see cref="Frame"/> reads back; <see cref="Copies"/> repeats the set to count provider calls.
/// </summary>
internal sealed class AuthConsumers : ComponentBase
{
    [Parameter]
    public int Copies { get; set; } = 1;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Refine>(0);
        builder.AddComponentParameter(1, nameof(Refine.Notifications), false);
        builder.AddComponentParameter(2, nameof(Refine.CrossTabSync), false);
        builder.AddComponentParameter(3, nameof(Refine.ChildContent), (RenderFragment)(b =>
        {
            for (var i = 0; i < Copies; i++)
            {
                b.OpenRegion(i);
                Consumers(b, i);
                b.CloseRegion();
            }
        }));
        builder.CloseComponent();
    }

    private static void Consumers(RenderTreeBuilder b, int copy)
    {
        b.OpenComponent<Authenticated>(0);
        b.AddComponentParameter(1, nameof(Authenticated.ChildContent), Span("guard", copy, "in"));
        b.AddComponentParameter(2, nameof(Authenticated.Loading), Span("guard", copy, "loading"));
        b.AddComponentParameter(3, nameof(Authenticated.Fallback), (RenderFragment<CheckResult>)(_ => Span("guard", copy, "out")));
        b.CloseComponent();

        b.OpenComponent<AuthIdentity<UserIdentity>>(4);
        b.AddComponentParameter(5, "ChildContent", (RenderFragment<UserIdentity?>)(me => Span("identity", copy, me?.Name ?? "-")));
        b.AddComponentParameter(6, "Loading", Span("identity", copy, "loading"));
        b.CloseComponent();

        b.OpenComponent<AuthPermissions<IReadOnlyList<string>>>(7);
        b.AddComponentParameter(8, "ChildContent", (RenderFragment<IReadOnlyList<string>?>)(p => Span("permissions", copy, p is null ? "-" : string.Join(",", p))));
        b.AddComponentParameter(9, "Loading", Span("permissions", copy, "loading"));
        b.CloseComponent();

        b.OpenComponent<AuthorizeView>(10);
        b.AddComponentParameter(11, nameof(AuthorizeView.Authorized), (RenderFragment<AuthenticationState>)(s => Span("authorize", copy, s.User.Identity?.Name ?? "-")));
        b.AddComponentParameter(12, nameof(AuthorizeView.NotAuthorized), (RenderFragment<AuthenticationState>)(_ => Span("authorize", copy, "out")));
        b.AddComponentParameter(13, nameof(AuthorizeView.Authorizing), Span("authorize", copy, "loading"));
        b.CloseComponent();

        b.OpenComponent<StateProbe>(14);
        b.AddComponentParameter(15, nameof(StateProbe.Copy), copy);
        b.CloseComponent();
    }

    private static RenderFragment Span(string view, int copy, string text) => b =>
    {
        b.OpenElement(0, "span");
        b.AddAttribute(1, "class", "view");
        b.AddAttribute(2, "data-view", view + copy);
        b.AddContent(3, text);
        b.CloseElement();
    };

    /// <summary>The cascaded state: status, version, identity name and permissions.</summary>
    private sealed class StateProbe : ComponentBase
    {
        [Parameter]
        public int Copy { get; set; }

        [CascadingParameter]
        private RefineAuthState? State { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            var s = State ?? RefineAuthState.Unknown;
            var permissions = s.GetPermissions<IReadOnlyList<string>>();
            var text = $"{s.Status}|{s.Version}|{s.GetIdentity<UserIdentity>()?.Name ?? "-"}|{(permissions is null ? "-" : string.Join(",", permissions))}";
            Span("state", Copy, text)(builder);
        }
    }
}
