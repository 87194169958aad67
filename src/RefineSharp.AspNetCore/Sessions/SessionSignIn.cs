using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>Lets code that signs in outside a form post (for example a JSON endpoint) say whether the session is remembered.</summary>
public static class SessionSignIn
{
    internal const string RememberMeItem = "RefineSharp.Sessions.RememberMe";

    /// <summary>Asks for a persistent ("Remember me") or a browser-session cookie for a sign-in in this request.</summary>
    public static void SetRememberMe(HttpContext context, bool remember)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[RememberMeItem] = remember;
    }
}
