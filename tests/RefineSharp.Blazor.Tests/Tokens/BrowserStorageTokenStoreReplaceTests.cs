using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor.Tests.Tokens;

/// <summary>
/// ReplaceAsync is a compare-and-set done by ONE JavaScript call (read, compare and write in one synchronous
/// function), so a logout or refresh in another tab between this tab's read and write cannot be overwritten.
/// refine-sync.js's replaceItem itself is exercised in Chromium by CrossTab/StorageCompareAndSetTests.
/// </summary>
public sealed class BrowserStorageTokenStoreReplaceTests : RefineTestBase
{
    private static readonly TokenSet Old = new() { AccessToken = "access-old", RefreshToken = "refresh-old" };
    private static readonly TokenSet New = new() { AccessToken = "access-new", RefreshToken = "refresh-new" };

    private readonly BunitJSModuleInterop _module;

    public BrowserStorageTokenStoreReplaceTests() => _module = JSInterop.SetupModule(RefineJsModule.Path);

    private BrowserStorageTokenStore Store => Services.GetRequiredService<BrowserStorageTokenStore>();

    [Fact]
    public async Task Replace_PlainEntry_IsOneJavaScriptCallThatComparesTheAccessToken()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("replaceItem", _ => true).SetResult(true);

        var replaced = await Store.ReplaceAsync(Old, New);

        Assert.True(replaced);
        var call = Assert.Single(_module.Invocations);
        Assert.Equal("replaceItem", call.Identifier);
        Assert.Equal(["local", "refine-sharp.tokens", "access-old", null], call.Arguments.Take(4));
        Assert.Contains("\"accessToken\":\"access-new\"", (string)call.Arguments[4]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_ClearedOrReplacedMeanwhile_ReturnsFalse()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("replaceItem", _ => true).SetResult(false);

        Assert.False(await Store.ReplaceAsync(Old, New));
        Assert.DoesNotContain(_module.Invocations, i => i.Identifier is "setItem" or "removeItem");
    }

    [Fact]
    public async Task Replace_ProtectedEntryHoldingExpected_ComparesTheExactStoredText()
    {
        var protector = new ReversingProtector();
        Services.AddSingleton<ITokenProtector>(protector);
        Services.AddRefine().AddBrowserTokenStore();
        var storedOld = protector.Protect(System.Text.Json.JsonSerializer.Serialize(Old, TokenJsonContext.Default.TokenSet));
        _module.Setup<string?>("getItem", _ => true).SetResult(storedOld);
        _module.Setup<bool>("replaceItem", _ => true).SetResult(true);

        Assert.True(await Store.ReplaceAsync(Old, New));

        var call = _module.VerifyInvoke("replaceItem");
        Assert.Null(call.Arguments[2]);
        Assert.Equal(storedOld, call.Arguments[3]);
        Assert.StartsWith("protected:", (string)call.Arguments[4]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_ProtectedEntryHoldingOtherTokens_ReturnsFalseWithoutWriting()
    {
        var protector = new ReversingProtector();
        Services.AddSingleton<ITokenProtector>(protector);
        Services.AddRefine().AddBrowserTokenStore();
        var storedOther = protector.Protect(System.Text.Json.JsonSerializer.Serialize(New, TokenJsonContext.Default.TokenSet));
        _module.Setup<string?>("getItem", _ => true).SetResult(storedOther);

        Assert.False(await Store.ReplaceAsync(Old, New));
        Assert.DoesNotContain(_module.Invocations, i => i.Identifier is "replaceItem" or "setItem");
    }

    private sealed class ReversingProtector : ITokenProtector
    {
        private const string Prefix = "protected:";

        public string Protect(string plaintext) => Prefix + new string(plaintext.Reverse().ToArray());

        public string? Unprotect(string protectedText) =>
            protectedText.StartsWith(Prefix, StringComparison.Ordinal) ? new string(protectedText[Prefix.Length..].Reverse().ToArray()) : null;
    }
}
