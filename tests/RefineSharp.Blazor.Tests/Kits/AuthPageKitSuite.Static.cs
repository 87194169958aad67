using Bunit;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>
/// Static rendering (prerendering, or a page excluded from interactive routing): every kit's form is a plain post to
/// its own page with a form name and an antiforgery token, and no password is ever rendered into the HTML.
/// </summary>
public abstract partial class AuthPageKitSuite<TPage>
{
    public static TheoryData<AuthPageType> Types() => [AuthPageType.Login, AuthPageType.Register, AuthPageType.ForgotPassword, AuthPageType.UpdatePassword];

    [Theory]
    [MemberData(nameof(Types))]
    public void Render_Static_FormPostsToItsOwnPageWithAntiforgery(AuthPageType type)
    {
        Prerender();

        var cut = Page(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true));

        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.False(form.HasAttribute("action"));
        Assert.NotEmpty(cut.FindAll("form input[type=hidden][name=__RequestVerificationToken]"));
        Assert.Equal("true", cut.Find("[data-refine-auth-page]").GetAttribute("data-refine-static"));
        Assert.Null(cut.Find("[data-refine-auth-page]").GetAttribute("data-refine-interactive"));
        Assert.Empty(Provider.Calls);
    }

    [Theory]
    [InlineData("method", "get")]
    [InlineData("METHOD", "GET")]
    [InlineData("action", "/elsewhere?password=")]
    [InlineData("formaction", "https://evil.example/collect")]
    public void Render_FormAttributesTryToChangeMethodOrAction_FormStillPostsToItsOwnPage(string name, string value)
    {
        Prerender();

        var cut = Page(p => p.Add(x => x.FormAttributes, new Dictionary<string, object> { [name] = value, ["data-test"] = "kept" }));

        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.False(form.HasAttribute("action"));
        Assert.False(form.HasAttribute("formaction"));
        Assert.Equal("kept", form.GetAttribute("data-test"));
    }

    [Theory]
    [InlineData(AuthPageType.Login)]
    [InlineData(AuthPageType.Register)]
    [InlineData(AuthPageType.UpdatePassword)]
    public void Render_Static_PasswordInputsCarryNoValue(AuthPageType type)
    {
        Prerender();

        var cut = Page(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true));

        var passwords = cut.FindAll("[type=password]");
        Assert.NotEmpty(passwords);
        Assert.All(passwords, input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value")), $"#{input.Id} has a value"));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Render_Static_FormIsMarkedForBlazorsEnhancedPost(AuthPageType type)
    {
        Prerender();

        var form = Page(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true)).Find("form");

        // blazor.web.js enhances a form only when data-enhance is "" or "true"; the fallback script looks for the other.
        Assert.Equal(string.Empty, form.GetAttribute("data-enhance"));
        Assert.Equal(string.Empty, form.GetAttribute("data-refine-auth-form"));
        Assert.Equal("post", form.GetAttribute("method"));
    }

    [Fact]
    public void Render_StaticWithEnhancedPostOff_IsAPlainPost()
    {
        Prerender();

        var form = Page(p => p.Add(x => x.EnhancedPost, false)).Find("form");

        Assert.False(form.HasAttribute("data-enhance"));
        Assert.False(form.HasAttribute("data-refine-auth-form"));
        Assert.Equal("post", form.GetAttribute("method"));
    }

    [Fact]
    public void Render_FormAttributesSetDataEnhanceFalse_TheirValueWins()
    {
        Prerender();

        var form = Page(p => p.Add(x => x.FormAttributes, new Dictionary<string, object> { ["data-enhance"] = "false" })).Find("form");

        Assert.Equal("false", form.GetAttribute("data-enhance"));
    }

    [Fact]
    public void Render_Interactive_FormCarriesNoEnhanceMarker()
    {
        var form = Page().Find("form");

        // An interactive form submits in its runtime; blazor.web.js must not also post it.
        Assert.False(form.HasAttribute("data-enhance"));
        Assert.False(form.HasAttribute("data-refine-auth-form"));
    }
}
