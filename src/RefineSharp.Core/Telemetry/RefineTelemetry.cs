using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RefineSharp.Telemetry;

/// <summary>
/// The names under which RefineSharp reports traces and metrics (docs/telemetry.md). OpenTelemetry picks them up with
/// <c>AddSource(RefineTelemetry.Name)</c> and <c>AddMeter(RefineTelemetry.Name)</c>; nothing else is needed. Every tag
/// value is one of a few fixed words (an outcome, a reason, a provider member name): never a user name, email,
/// password or token.
/// </summary>
public static class RefineTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>: "RefineSharp".</summary>
    public const string Name = "RefineSharp";

    /// <summary>Counter: sign-ins (login and register), tagged <c>refinesharp.result</c> (success, failure) and <c>refinesharp.reason</c>.</summary>
    public const string SignIns = "refinesharp.sign_ins";

    /// <summary>Counter: logouts, tagged <c>refinesharp.reason</c> (user, session_ended).</summary>
    public const string Logouts = "refinesharp.logouts";

    /// <summary>Counter: sessions the app ended without the user asking (a 401 or a failed refresh made it log out).</summary>
    public const string SessionsEnded = "refinesharp.sessions_ended";

    /// <summary>Counter: token refreshes, tagged <c>refinesharp.result</c> (renewed, refused, timed_out, failed, outdated).</summary>
    public const string Refreshes = "refinesharp.token_refreshes";

    /// <summary>Histogram (seconds): how long each provider call took, tagged <c>refinesharp.member</c> and <c>refinesharp.outcome</c>.</summary>
    public const string ProviderDuration = "refinesharp.provider.duration";

    /// <summary>The tag holding a result word.</summary>
    public const string ResultTag = "refinesharp.result";

    /// <summary>The tag holding a reason word.</summary>
    public const string ReasonTag = "refinesharp.reason";

    /// <summary>The tag holding the provider member called (for example "LoginAsync").</summary>
    public const string MemberTag = "refinesharp.member";

    /// <summary>The tag holding how a provider call ended (returned, returned_null, threw, timed_out, cancelled).</summary>
    public const string OutcomeTag = "refinesharp.outcome";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    private static readonly Counter<long> SignInCounter = Meter.CreateCounter<long>(SignIns, unit: "{sign_in}", description: "Sign-ins by result and reason.");
    private static readonly Counter<long> LogoutCounter = Meter.CreateCounter<long>(Logouts, unit: "{logout}", description: "Logouts by reason.");
    private static readonly Counter<long> SessionEndCounter = Meter.CreateCounter<long>(SessionsEnded, unit: "{session}", description: "Sessions ended by the app (not by the user).");
    private static readonly Counter<long> RefreshCounter = Meter.CreateCounter<long>(Refreshes, unit: "{refresh}", description: "Token refreshes by result.");
    private static readonly Histogram<double> DurationHistogram = Meter.CreateHistogram<double>(
        ProviderDuration, unit: "s", description: "Duration of auth provider calls.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    internal static void SignIn(string result, string reason) =>
        SignInCounter.Add(1, new(ResultTag, result), new(ReasonTag, reason));

    internal static void Logout(string reason) => LogoutCounter.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    internal static void SessionEnded() => SessionEndCounter.Add(1);

    internal static void Refresh(string result) => RefreshCounter.Add(1, new KeyValuePair<string, object?>(ResultTag, result));

    /// <summary>True while something collects provider call durations (so the engine reads the clock only then).</summary>
    internal static bool MeasuresProviderCalls => DurationHistogram.Enabled;

    internal static void ProviderCall(string member, string outcome, TimeSpan elapsed) =>
        DurationHistogram.Record(elapsed.TotalSeconds, new(MemberTag, member), new(OutcomeTag, outcome));

    /// <summary>Starts the span of one provider call ("RefineSharp.Provider LoginAsync"), or null when nobody listens.</summary>
    internal static Activity? StartProviderCall(string member)
    {
        // Checked first so that an app without a listener pays no string concatenation per call.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("RefineSharp.Provider " + member, ActivityKind.Internal);
        activity?.SetTag(MemberTag, member);
        return activity;
    }

    /// <summary>Ends a provider span with its outcome; a failure marks the span as an error with the exception's type only (a message may hold user data).</summary>
    internal static void EndProviderCall(Activity? activity, string outcome, Exception? exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(OutcomeTag, outcome);
        if (exception is not null || outcome is "threw" or "timed_out")
        {
            activity.SetStatus(ActivityStatusCode.Error, exception?.GetType().FullName ?? outcome);
        }

        activity.Dispose();
    }

    /// <summary>Starts the span of one token refresh, or null when nobody listens.</summary>
    internal static Activity? StartRefresh() => Source.StartActivity("RefineSharp.TokenRefresh", ActivityKind.Internal);
}
