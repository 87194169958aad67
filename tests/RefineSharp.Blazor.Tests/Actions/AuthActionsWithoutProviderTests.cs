using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Actions;

public sealed class AuthActionsWithoutProviderTests
{
    [Fact]
    public async Task Login_NoProvider_ReturnsAFailureInsteadOfThrowing()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRefine().AddBlazor();
        services.AddSingleton<Microsoft.AspNetCore.Components.NavigationManager>(new TestNavigationManager());
        await using var provider = services.BuildServiceProvider();
        var actions = provider.CreateScope().ServiceProvider.GetRequiredService<AuthActions>();

        var result = await actions.LoginAsync();

        Assert.False(result.Success);
        // A configuration hint is for the log, not for the user (RefineOptions.ShowErrorDetails is off).
        Assert.DoesNotContain("AddAuthProvider", actions.Login.Error!.Message, StringComparison.Ordinal);
        Assert.False(actions.IsProvided);
    }

    private sealed class TestNavigationManager : Microsoft.AspNetCore.Components.NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }
}
