using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor.Tests.Tokens;

public sealed class BrowserStorageTokenStoreTests : RefineTestBase
{
    private static readonly TokenSet Tokens = new()
    {
        AccessToken = "access-123",
        RefreshToken = "refresh-456",
        ExpiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    private readonly BunitJSModuleInterop _module;

    public BrowserStorageTokenStoreTests()
    {
        _module = JSInterop.SetupModule(RefineJsModule.Path);
        _module.SetupVoid("setItem", _ => true).SetVoidResult();
        _module.SetupVoid("removeItem", _ => true).SetVoidResult();
    }

    private ITokenStore Store => Services.GetRequiredService<ITokenStore>();

    [Fact]
    public async Task SetThenGet_RoundTripsThroughLocalStorageAsJson()
    {
        Services.AddRefine().AddBrowserTokenStore();

        await Store.SetAsync(Tokens);
        var write = _module.VerifyInvoke("setItem");
        var stored = (string)write.Arguments[2]!;
        _module.Setup<string?>("getItem", "local", "refine-sharp.tokens").SetResult(stored);

        Assert.Equal(["local", "refine-sharp.tokens"], write.Arguments.Take(2));
        // localStorage is shared by the tabs: the write takes its turn under the entry's refresh lock.
        Assert.Equal("refine-sharp.refresh:refine-sharp.tokens", write.Arguments[3]);
        Assert.Contains("\"accessToken\":\"access-123\"", stored, StringComparison.Ordinal);
        Assert.Equal(Tokens, await Store.GetAsync());
    }

    [Fact]
    public async Task Get_NothingStored_ReturnsNull()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<string?>("getItem", _ => true).SetResult(null);

        Assert.Null(await Store.GetAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"refreshToken\":\"r\"}")]
    [InlineData("{\"accessToken\":\"\"}")]
    [InlineData("[1,2,3]")]
    public async Task Get_Garbage_ReturnsNullAndRemovesTheEntry(string garbage)
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<string?>("getItem", _ => true).SetResult(garbage);

        Assert.Null(await Store.GetAsync());
        Assert.Equal(["local", "refine-sharp.tokens", "refine-sharp.refresh:refine-sharp.tokens"], _module.VerifyInvoke("removeItem").Arguments);
    }

    [Fact]
    public async Task Clear_RemovesTheEntry()
    {
        Services.AddRefine().AddBrowserTokenStore();

        await Store.ClearAsync();

        _module.VerifyInvoke("removeItem");
    }

    [Fact]
    public async Task SessionStorage_IsUsedWhenConfigured()
    {
        Services.AddRefine().AddBrowserTokenStore(o => o.Storage = BrowserStorageKind.Session);
        _module.Setup<string?>("getItem", _ => true).SetResult(null);

        await Store.GetAsync();

        Assert.Equal("session", _module.VerifyInvoke("getItem").Arguments[0]);
    }

    [Fact]
    public async Task SessionStorage_WritesTakeNoLock()
    {
        // sessionStorage belongs to one tab: there is nobody to take turns with.
        Services.AddRefine().AddBrowserTokenStore(o => o.Storage = BrowserStorageKind.Session);
        _module.SetupVoid("setItem", _ => true).SetVoidResult();
        _module.SetupVoid("removeItem", _ => true).SetVoidResult();

        await Store.SetAsync(Tokens);
        await Store.ClearAsync();

        Assert.Null(_module.VerifyInvoke("setItem").Arguments[3]);
        Assert.Null(_module.VerifyInvoke("removeItem").Arguments[2]);
    }

    [Fact]
    public async Task Protector_EncryptsWhatIsStoredAndDecryptsOnRead()
    {
        Services.AddSingleton<ITokenProtector>(new ReversingProtector());
        Services.AddRefine().AddBrowserTokenStore();

        await Store.SetAsync(Tokens);
        var stored = (string)_module.VerifyInvoke("setItem").Arguments[2]!;
        _module.Setup<string?>("getItem", _ => true).SetResult(stored);

        Assert.DoesNotContain("access-123", stored, StringComparison.Ordinal);
        Assert.Equal(Tokens, await Store.GetAsync());
    }

    [Fact]
    public async Task Protector_ForgedEntry_ReturnsNullAndRemovesIt()
    {
        Services.AddSingleton<ITokenProtector>(new ReversingProtector());
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<string?>("getItem", _ => true).SetResult("{\"accessToken\":\"forged\"}");

        Assert.Null(await Store.GetAsync());
        _module.VerifyInvoke("removeItem");
    }

    [Fact]
    public async Task Get_Prerendering_ReturnsNullWithoutThrowing()
    {
        Services.AddRefine().AddBrowserTokenStore();
        Services.AddSingleton<IJSRuntime>(new PrerenderingJSRuntime());

        Assert.Null(await Store.GetAsync());
    }

    [Fact]
    public async Task Set_Prerendering_ThrowsAClearError()
    {
        Services.AddRefine().AddBrowserTokenStore();
        Services.AddSingleton<IJSRuntime>(new PrerenderingJSRuntime());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SetAsync(Tokens).AsTask());

        Assert.Contains("prerendering", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfStoredTokens_HidesTheValues()
    {
        Assert.DoesNotContain("access-123", Tokens.ToString(), StringComparison.Ordinal);
    }

    private sealed class ReversingProtector : ITokenProtector
    {
        private const string Prefix = "protected:";

        public string Protect(string plaintext) => Prefix + new string(plaintext.Reverse().ToArray());

        public string? Unprotect(string protectedText) =>
            protectedText.StartsWith(Prefix, StringComparison.Ordinal) ? new string(protectedText[Prefix.Length..].Reverse().ToArray()) : null;
    }

    /// <summary>Behaves like Blazor's JS runtime while a component is statically rendered.</summary>
    private sealed class PrerenderingJSRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException("JavaScript interop calls cannot be issued at this time. This is because the component is being statically rendered.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
