using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Providers.InMemory.Tests.Behaviour;

/// <summary>The shared behaviour, run against the hand-written tutorial provider.</summary>
public sealed class TutorialAuthProviderBehaviourTests : AuthProviderBehaviourTests
{
    protected override AuthTestHost CreateHost() =>
        AuthTestHost.For(new TutorialAuthProvider(Email, Password, new UserIdentity { Id = "1", Email = Email, Name = Name, Roles = [Role] }));
}
