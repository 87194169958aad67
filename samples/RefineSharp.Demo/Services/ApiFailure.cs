namespace RefineSharp.Demo.Services;

/// <summary>Why a data API call gave no data, as far as the page needs to know.</summary>
public enum ApiFailure
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>401: the session has ended (the provider's OnErrorAsync has already sent the user to the login page).</summary>
    SignedOut,

    /// <summary>403: signed in, but the API refuses this user (for example a role the token does not carry yet).</summary>
    Forbidden,

    /// <summary>Any other status, no answer at all (network, timeout), or a body that is not what was asked for.</summary>
    Unavailable,
}
