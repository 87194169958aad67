namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class InitialsAvatarTests
{
    [Fact]
    public void For_SameEmail_ReturnsSameSvgWithInitial()
    {
        var first = InitialsAvatar.For("ann@example.com");

        Assert.Equal(first, InitialsAvatar.For("ann@example.com"));
        Assert.StartsWith("data:image/svg+xml,", first, StringComparison.Ordinal);
        Assert.Contains("%3EA%3C", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<script>@x")]
    public void For_EmptyOrMarkup_UsesQuestionMark(string email) =>
        Assert.Contains("%3E%3F%3C", InitialsAvatar.For(email), StringComparison.Ordinal);
}
