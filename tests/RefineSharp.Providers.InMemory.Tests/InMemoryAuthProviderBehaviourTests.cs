using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Providers.InMemory.Tests.Behaviour;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Providers.InMemory.Tests;

/// <summary>The shared behaviour, run against the in-memory provider registered the way an app does.</summary>
public sealed class InMemoryAuthProviderBehaviourTests : AuthProviderBehaviourTests
{
    protected override AuthTestHost CreateHost() => CreateInMemoryHost();

    internal static AuthTestHost CreateInMemoryHost(Action<InMemoryAuthOptions>? configure = null) =>
        AuthTestHost.Create(b => b.AddInMemoryAuth(o =>
        {
            o.PasswordHashIterations = 1_000;
            o.Users.Add(new InMemoryUser { Email = Email, Password = Password, Name = Name, Avatar = "https://i.pravatar.cc/150", Roles = { Role } });
            configure?.Invoke(o);
        }));
}
