using System.Text.Json;
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

    internal BrowserStorageTokenStore(RefineJsModule module, BrowserTokenStoreOptions options, ITokenProtector? protector, ILogger<BrowserStorageTokenStore>? logger)
    {
        _module = module;
        _protector = protector;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Storage = options.Storage;
        Key = options.Key;
    }

    /// <summary>The storage this store uses.</summary>
    public BrowserStorageKind Storage { get; }

    /// <summary>The storage key the tokens are kept under.</summary>
    public string Key { get; }

    private string StorageName => Storage == BrowserStorageKind.Session ? "session" : "local";

    /// <inheritdoc />
    public async ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default)
    {
        string? stored;
        try
        {
            var module = await _module.GetAsync(cancellationToken);
            stored = await module.InvokeAsync<string?>("getItem", cancellationToken, StorageName, Key);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            BlazorLog.JsUnavailable(_logger, "reading the stored tokens");
            return null;
        }

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
        await WriteAsync("setItem", [StorageName, Key, text], cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        WriteAsync("removeItem", [StorageName, Key], cancellationToken);

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
            await WriteAsync("removeItem", [StorageName, Key], cancellationToken);
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
