using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Testing;

/// <summary>
/// What <c>ctx.AddRefine()</c> returns: fluent switches for the fake provider's answers. A switch made after
/// components have rendered invalidates the auth store, so they re-check and re-render at once.
/// </summary>
public sealed class RefineTestContext
{
    private readonly BunitContext _context;

    internal RefineTestContext(BunitContext context, FakeAuthProviderBase provider)
    {
        _context = context;
        Provider = provider;
    }

    /// <summary>The fake provider in use; configure any answer or handler on it directly.</summary>
    public FakeAuthProviderBase Provider { get; }

    /// <summary>The engine of the test's service provider (resolving it freezes the service registrations).</summary>
    public AuthManager AuthManager => _context.Services.GetRequiredService<AuthManager>();

    /// <summary>The user is authenticated as <paramref name="userName"/> (identity: a <see cref="UserIdentity"/> with that name).</summary>
    public RefineTestContext SetAuthenticated(string userName = "user", string? email = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        Provider.CheckResult = CheckResult.Ok();
        Provider.Identity = new UserIdentity { Id = userName, Name = userName, Email = email };
        return Changed();
    }

    /// <summary>The user is not authenticated; the check answers <paramref name="redirectTo"/> and <paramref name="logout"/>.</summary>
    public RefineTestContext SetNotAuthenticated(string? redirectTo = null, bool logout = false)
    {
        Provider.CheckResult = CheckResult.Fail(redirectTo, logout);
        Provider.Identity = null;
        Provider.Permissions = null;
        return Changed();
    }

    /// <summary>GetIdentityAsync answers <paramref name="identity"/> (any object).</summary>
    public RefineTestContext SetIdentity(object? identity)
    {
        Provider.Identity = identity;
        return Changed();
    }

    /// <summary>GetPermissionsAsync answers this list of strings (they become role claims).</summary>
    public RefineTestContext SetPermissions(params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        Provider.Permissions = permissions.ToList();
        return Changed();
    }

    /// <summary>GetPermissionsAsync answers <paramref name="permissions"/> (any object).</summary>
    public RefineTestContext SetPermissionsValue(object? permissions)
    {
        Provider.Permissions = permissions;
        return Changed();
    }

    private RefineTestContext Changed()
    {
        // Before the first service is resolved nothing is cached, and resolving now would freeze the registrations.
        if (_context.Services.IsProviderInitialized)
        {
            _context.Renderer.Dispatcher.InvokeAsync(AuthManager.InvalidateAuthStore).GetAwaiter().GetResult();
        }

        return this;
    }
}
