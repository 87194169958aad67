using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>
/// Protects tokens with ASP.NET Core Data Protection before a server-rendered app writes them to browser storage:
/// the browser holds ciphertext it can neither read nor forge. Not for WebAssembly, where the key would be in the browser.
/// </summary>
public sealed class DataProtectionTokenProtector : ITokenProtector
{
    /// <summary>The Data Protection purpose string; tokens protected for another purpose (or app) do not unprotect.</summary>
    public const string Purpose = "RefineSharp.Tokens.ITokenProtector.v1";

    private readonly IDataProtector _protector;

    /// <summary>Creates the protector from the app's Data Protection provider.</summary>
    public DataProtectionTokenProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return _protector.Protect(plaintext);
    }

    /// <inheritdoc />
    public string? Unprotect(string protectedText)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedText);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // Forged, truncated, or protected with a key this app no longer has: treat as absent.
            return null;
        }
    }
}
