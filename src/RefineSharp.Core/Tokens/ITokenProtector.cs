namespace RefineSharp.Tokens;

/// <summary>Encrypts tokens before a store writes them somewhere the user can read (browser storage).</summary>
public interface ITokenProtector
{
    /// <summary>Returns an encrypted, tamper-evident form of <paramref name="plaintext"/>.</summary>
    string Protect(string plaintext);

    /// <summary>Returns the original text, or null when <paramref name="protectedText"/> was forged or cannot be read.</summary>
    string? Unprotect(string protectedText);
}
