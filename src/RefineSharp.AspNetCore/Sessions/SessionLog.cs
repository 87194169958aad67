using Microsoft.Extensions.Logging;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>Log messages of the server-side session (ids 3001-3099). None carries a session key, token or password.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(3001, LogLevel.Debug, "Stored a new server-side session.", EventName = "SessionStored")]
    public static partial void Stored(ILogger logger);

    [LoggerMessage(3002, LogLevel.Information, "Ended a server-side session.", EventName = "SessionRemoved")]
    public static partial void Removed(ILogger logger);

    [LoggerMessage(3003, LogLevel.Error, "The session store could not be read; the request counts as signed out.", EventName = "SessionReadFailed")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "A stored session could not be decrypted (tampered with, or the data-protection keys changed); it counts as ended.", EventName = "SessionUnreadable")]
    public static partial void Unreadable(ILogger logger, Exception exception);

    [LoggerMessage(3005, LogLevel.Information, "Signed in: a new server-side session was issued (persistent: {Persistent}).", EventName = "SessionSignedIn")]
    public static partial void SignedIn(ILogger logger, bool persistent);

    [LoggerMessage(3006, LogLevel.Warning, "Tokens were stored outside an HTTP request with no session to put them in; sign-in needs an HTTP request (a form post or the session endpoints).", EventName = "SignInNeedsHttp")]
    public static partial void SignInNeedsHttp(ILogger logger);

    [LoggerMessage(3007, LogLevel.Error, "The session store refused a write; the sign-in or token update failed.", EventName = "SessionWriteFailed")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(3008, LogLevel.Warning, "The cross-instance refresh lock in Redis could not be taken or released; this refresh runs under the per-process lock only.", EventName = "RefreshLockUnavailable")]
    public static partial void RefreshLockUnavailable(ILogger logger, Exception exception);
}
