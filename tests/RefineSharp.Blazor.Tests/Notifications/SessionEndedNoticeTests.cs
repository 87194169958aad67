using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace RefineSharp.Blazor.Tests.Notifications;

/// <summary>The "session ended" marker of a full page load: only the fixed value opens the notice, and never with text from the URL.</summary>
public sealed class SessionEndedNoticeTests
{
    private static readonly IStringLocalizer<RefineTexts> Texts =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<RefineTexts>>();

    [Fact]
    public void From_UriWithTheMarker_IsTheLocalizedSessionEndedNotice()
    {
        var notice = SessionEndedNotice.From("http://localhost/login?to=%2Fposts&refine-notice=session-ended", Texts);

        Assert.NotNull(notice);
        Assert.Equal(AuthManager.SessionEndedKey, notice!.Key);
        Assert.Equal(NotificationType.Error, notice.Type);
        Assert.Equal("Session ended", notice.Message);
    }

    [Theory]
    [InlineData("http://localhost/login")]
    [InlineData("http://localhost/login?refine-notice=Your%20account%20was%20hacked%2C%20call%20us")]
    [InlineData("http://localhost/login?refine-notice=SESSION-ENDED")]
    [InlineData("http://localhost/login#?refine-notice=session-ended")]
    public void From_AnyOtherUri_IsNoNotice(string uri) => Assert.Null(SessionEndedNotice.From(uri, Texts));
}
