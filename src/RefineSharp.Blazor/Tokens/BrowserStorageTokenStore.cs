using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor;

/// <summary>
/// Keeps the user's tokens in the browser's localStorage (or sessionStorage) as JSON, encrypted first when an
/// <see cref="ITokenProtector"/> is registered. Reading while prerendering (no JavaScript yet) returns null, and an
/// entry that cannot be read (garbage, forged, tampered) returns null and is removed. Register it with
/// <c>AddRefine().AddBlazor().AddBrowserTokenStore()</c>.
/// </summary>
public sealed class BrowserStorageTokenStore : ITokenStore
{
    private readonly RefineJsModule _module;
    private readonly ITokenProtector? _protector;
    private readonly ILogger _logger;
    private readonly string? _configuredKey;
    private readonly NavigationManager? _navigation;
    private string? _key;

    internal BrowserStorageTokenStore(
        RefineJsModule module,
        BrowserTokenStoreOptions options,
        ITokenProtector? protector,
        ILogger<BrowserStorageTokenStore>? logger,
        NavigationManager? navigation = null)
    {
        _module = module;
        _protector = protector;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _navigation = navigation;
        Storage = options.Storage;
        _configuredKey = string.IsNullOrEmpty(options.Key) ? null : options.Key;
    }

    /// <summary>The storage this store uses.</summary>
    public BrowserStorageKind Storage { get; }

    /// <summary>
    /// The storage key the tokens are kept under: the configured one, else "refine-sharp.tokens" scoped to the app's
    /// base path ("refine-sharp.tokens:/app1/" under "/app1/"), so apps under one origin never share a session.
    /// </summary>
    public string Key => _key ??= _configuredKey
        ?? (_navigation is null ? AppStorageScope.TokenKeyPrefix : AppStorageScope.Scoped(AppStorageScope.TokenKeyPrefix, _navigation));

    /// <summary>The Web Lock that serializes refreshes and writes of <see cref="Key"/> across tabs ("refine-sharp.refresh:" + key).</summary>
    internal string RefreshLockName => AppStorageScope.RefreshLockPrefix + Key;

    private string StorageName => Storage == BrowserStorageKind.Session ? "session" : "local";

    // sessionStorage belongs to one tab: its writes need no turn-taking.
    private string? WriteLockName => Storage == BrowserStorageKind.Session ? null : RefreshLockName;

    /// <inheritdoc />
    public async ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default)
    {
        var stored = await ReadStoredAsync(cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        var tokens = Read(stored, out var problem);
        if (tokens is null)
        {
            BlazorLog.TokensUnreadable(_logger, problem);
            await TryRemoveAsync(cancellationToken);
        }

        return tokens;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var json = JsonSerializer.Serialize(tokens, TokenJsonContext.Default.TokenSet);
        var text = _protector is null ? json : _protector.Protect(json);
        await WriteAsync("setItem", [StorageName, Key, text, WriteLockName], cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="replacement"/> only while the store still holds tokens with <paramref name="expected"/>'s
    /// access token; false when they were cleared or replaced meanwhile (a logout or a refresh in another tab). The
    /// read, the comparison and the write happen in one synchronous JavaScript function under the entry's Web Lock
    /// (<see cref="RefreshLockName"/>, which sign-in and sign-out take too), so no write of another tab comes between
    /// them; with an <see cref="ITokenProtector"/> the entry is compared as the exact text that was read and decrypted
    /// to <paramref name="expected"/>.
    /// </summary>
    public async ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        var json = JsonSerializer.Serialize(replacement, TokenJsonContext.Default.TokenSet);
        string? expectedText = null;
        if (_protector is not null)
        {
            // Encrypted entries cannot be read in the browser: find the exact text that holds the expected tokens.
            var stored = await ReadStoredAsync(cancellationToken);
            var current = string.IsNullOrEmpty(stored) ? null : Read(stored, out _);
            if (current is null || !string.Equals(current.AccessToken, expected.AccessToken, StringComparison.Ordinal))
            {
                return false;
            }

            expectedText = stored;
        }

        var text = _protector is null ? json : _protector.Protect(json);
        try
        {
            var module = await _module.GetAsync(cancellationToken);
            return await module.InvokeAsync<bool>(
                "replaceItem", cancellationToken, StorageName, Key, expectedText is null ? expected.AccessToken : null, expectedText, text, WriteLockName);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                "Browser storage cannot be written now (prerendering, or the browser connection is closed). Write tokens from an interactive event such as a login.",
                ex);
        }
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        WriteAsync("removeItem", [StorageName, Key, WriteLockName], cancellationToken);

    private async ValueTask<string?> ReadStoredAsync(CancellationToken cancellationToken)
    {
        try
        {
            var module = await _module.GetAsync(cancellationToken);
            return await module.InvokeAsync<string?>("getItem", cancellationToken, StorageName, Key);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            BlazorLog.JsUnavailable(_logger, "reading the stored tokens");
            return null;
        }
    }

    private TokenSet? Read(string stored, out Exception? problem)
    {
        problem = null;
        try
        {
            var json = _protector is null ? stored : _protector.Unprotect(stored);
            if (json is null)
            {
                return null;
            }

            var tokens = JsonSerializer.Deserialize(json, TokenJsonContext.Default.TokenSet);
            return string.IsNullOrEmpty(tokens?.AccessToken) ? null : tokens;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            problem = ex;
            return null;
        }
    }

    private async ValueTask TryRemoveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync("removeItem", [StorageName, Key, WriteLockName], cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Reading worked a moment ago; if removing fails now, the next read tries again.
        }
    }

    private async ValueTask WriteAsync(string function, object?[] args, CancellationToken cancellationToken)
    {
        try
        {
            var module = await _module.GetAsync(cancellationToken);
            await module.InvokeVoidAsync(function, cancellationToken, args);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                "Browser storage cannot be written now (prerendering, or the browser connection is closed). Write tokens from an interactive event such as a login.",
                ex);
        }
    }
}
