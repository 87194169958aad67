using Bunit;

namespace RefineSharp.Blazor.Tests.Forms;

/// <summary>
/// Issue item 2, no credential in a URL: every AuthPage form posts (a submit before the page is interactive would
/// otherwise be a GET with the password in the query string), and prerendered password inputs carry no value.
/// </summary>
public sealed class AuthPageCredentialTests : RefineTestBase
{
    public static TheoryData<AuthPageType, bool> Pages() => new()
    {
        { AuthPageType.Login, false },
        { AuthPageType.Login, true },
        { AuthPageType.Register, false },
        { AuthPageType.Register, true },
        { AuthPageType.ForgotPassword, false },
        { AuthPageType.UpdatePassword, false },
        { AuthPageType.UpdatePassword, true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_AnyTypeAndRenderMode_FormPostsToItsOwnPage(AuthPageType type, bool prerender)
    {
        if (prerender)
        {
            Prerender();
        }

        var cut = Render<AuthPage>(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true));

        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.False(form.HasAttribute("action"));
    }

    [Theory]
    [InlineData("method", "get")]
    [InlineData("METHOD", "GET")]
    [InlineData("action", "/elsewhere?password=")]
    [InlineData("Action", "https://evil.example/collect")]
    public void Render_FormAttributesTryToChangeMethodOrAction_FormStillPostsToItsOwnPage(string name, string value)
    {
        Prerender();

        var cut = Render<AuthPage>(p => p.Add(x => x.FormAttributes, new Dictionary<string, object> { [name] = value, ["data-test"] = "kept" }));

        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.False(form.HasAttribute("action"));
        Assert.Equal("kept", form.GetAttribute("data-test"));
    }

    [Theory]
    [InlineData(AuthPageType.Login)]
    [InlineData(AuthPageType.Register)]
    [InlineData(AuthPageType.UpdatePassword)]
    public void Render_Prerendering_PasswordInputsCarryNoValueAttribute(AuthPageType type)
    {
        Prerender();

        var cut = Render<AuthPage>(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true));

        var passwords = cut.FindAll("input[type=password]");
        Assert.NotEmpty(passwords);
        Assert.All(passwords, input => Assert.False(input.HasAttribute("value"), $"#{input.Id} has a value attribute"));
        Assert.DoesNotContain("type=\"password\" value", cut.Markup, StringComparison.Ordinal);
    }
}
