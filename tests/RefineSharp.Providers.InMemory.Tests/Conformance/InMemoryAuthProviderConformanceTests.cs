using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Testing.Conformance;

namespace RefineSharp.Providers.InMemory.Tests.Conformance;

/// <summary>refine's provider contract, run against the in-memory provider registered the way an app does.</summary>
public sealed class InMemoryAuthProviderConformanceTests : AuthProviderConformance
{
    private static readonly ConformanceAccount Account = new("ann@example.com", "correct horse battery");

    // No EndSession: the session lives in the provider and ends only by logout. No BreakBackend: there is no backend.
    protected override ConformanceProfile Profile { get; } = new()
    {
        Features = AuthFeatures.Register | AuthFeatures.ForgotPassword | AuthFeatures.UpdatePassword | AuthFeatures.Identity | AuthFeatures.Permissions,
        Permissions = ["admin", "editor"],
    };

    protected override Task<ConformanceSession> StartSessionAsync() =>
        Task.FromResult(ConformanceSession.FromServices(Account, services => services.AddRefine().AddInMemoryAuth(o =>
        {
            o.PasswordHashIterations = 1_000;
            o.Users.Add(new InMemoryUser { Email = Account.Email, Password = Account.Password, Name = "Ann", Roles = { "admin", "editor" } });
        })));

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Conforms(string name) => RunAsync(name);
}
