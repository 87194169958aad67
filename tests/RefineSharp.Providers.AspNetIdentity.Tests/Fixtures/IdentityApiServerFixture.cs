namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

/// <summary>One Identity API server shared by the tests of a class; every test uses its own user.</summary>
public sealed class IdentityApiServerFixture : IAsyncLifetime
{
    public IdentityApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await IdentityApiServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.local";
}
