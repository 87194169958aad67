namespace RefineSharp.KitsDemo.Client;

/// <summary>
/// The account page's API: the Identity API's account info, asked with the session's access token. The host registers
/// it (an authenticated HttpClient: a refused token goes to the provider's OnErrorAsync, which ends the session); the
/// browser app of RenderMode=WebAssembly has no token to send and registers none.
/// </summary>
public interface IKitsAccountApi
{
    /// <summary>The signed-in account's email; null when the API refused or could not answer.</summary>
    Task<string?> LoadEmailAsync(CancellationToken cancellationToken = default);
}
