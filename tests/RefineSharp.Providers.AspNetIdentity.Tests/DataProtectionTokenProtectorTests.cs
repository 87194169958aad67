using Microsoft.AspNetCore.DataProtection;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class DataProtectionTokenProtectorTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    [Fact]
    public void Unprotect_ProtectedText_ReturnsOriginal()
    {
        var protector = new DataProtectionTokenProtector(Keys);

        var protectedText = protector.Protect("{\"accessToken\":\"abc\"}");

        Assert.DoesNotContain("abc", protectedText, StringComparison.Ordinal);
        Assert.Equal("{\"accessToken\":\"abc\"}", protector.Unprotect(protectedText));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not base64 ***")]
    public void Unprotect_ForgedText_ReturnsNull(string forged) =>
        Assert.Null(new DataProtectionTokenProtector(Keys).Unprotect(forged));

    [Fact]
    public void Unprotect_TamperedText_ReturnsNull()
    {
        var protector = new DataProtectionTokenProtector(Keys);
        var protectedText = protector.Protect("token");
        var tampered = protectedText[..^2] + (protectedText[^2] == 'A' ? "B" : "A") + protectedText[^1];

        Assert.Null(protector.Unprotect(tampered));
    }

    [Fact]
    public void Unprotect_TextProtectedForAnotherPurpose_ReturnsNull()
    {
        var other = Keys.CreateProtector("another-purpose").Protect("token");

        Assert.Null(new DataProtectionTokenProtector(Keys).Unprotect(other));
    }
}
