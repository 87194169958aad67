using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests.Forms;

public sealed class AuthPageMinimalProviderTests : RefineTestBase
{
    public AuthPageMinimalProviderTests()
        : base(new FakeMinimalAuthProvider())
    {
    }

    [Fact]
    public void Render_ProviderWithoutRegisterOrReset_HidesThoseLinks()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.RegisterLink, true).Add(x => x.ForgotPasswordLink, true));

        Assert.Empty(cut.FindAll("a[data-refine-link=register]"));
        Assert.Empty(cut.FindAll("a[data-refine-link=forgot-password]"));
        Assert.NotNull(cut.Find("form"));
    }

    [Fact]
    public async Task Submit_RegisterNotSupported_ShowsTheNotSupportedError()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.Register));
        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });

        await cut.Find("form").SubmitAsync();

        Assert.Contains("does not support signing up", cut.Find(".refine-error-summary").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Provider.Calls, c => c.Member == "RegisterAsync");
    }
}
