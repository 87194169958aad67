using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RefineSharp;

/// <summary>
/// The engine between the UI and the <see cref="AuthProvider"/>: every refine auth hook as a method, with refine v5's
/// semantics and the deliberate differences in docs/architecture.md (validated redirects, failures instead of crashes, params in cache keys,
/// no races). One instance per user session (scoped: one per circuit on the server, one per app in the browser).
/// </summary>
public sealed partial class AuthManager
{
    internal const string NoProviderMessage =
        "No AuthProvider is registered. Call services.AddRefine().AddAuthProvider<TProvider>() (or pass one to <Refine AuthProvider=\"...\">).";

    private readonly IServiceProvider _services;
    private readonly INavigator _navigator;
    private readonly INotificationService _notifications;
    private readonly IStringLocalizer _texts;
    private readonly ReadOnlyRefineOptions _options;
    private readonly ILogger _logger;
    private readonly ProviderInvoker _invoker;
    private readonly QueryCache<CheckResult> _checks;
    private readonly QueryCache<object?> _identities;
    private readonly QueryCache<object?> _permissions;
    private readonly Lock _sessionGate = new();
    private AuthProvider? _provider;
    private long _generation;
    private long _session;

    // The session number a logout left behind; -1 until the first logout, so a restored session can still end.
    private long _endedSession = -1;
    private Task<AuthActionResult>? _errorLogout;
    private bool? _lastCheckAnswer;
    private volatile AuthStatus _status;

    /// <summary>Creates the engine; normally resolved from DI after <c>services.AddRefine()</c>.</summary>
    public AuthManager(
        IServiceProvider services,
        INavigator navigator,
        INotificationService notifications,
        IStringLocalizer<RefineTexts> texts,
        IOptions<RefineOptions> options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(navigator);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _navigator = navigator;
        _notifications = notifications;
        _texts = texts;
        // A copy: the options are one singleton for the whole app, this engine belongs to one session.
        var settings = options.Value;
        var validation = new RefineOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(RefineOptions), validation.Failures);
        }

        _options = new ReadOnlyRefineOptions(settings);
        var time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<AuthManager>() ?? NullLogger.Instance;
        _invoker = new ProviderInvoker(time, _options.ProviderTimeout, _logger);
        _checks = new QueryCache<CheckResult>(time, _options.QueryCacheDuration, _options.MaxCachedQueriesPerKind);
        _identities = new QueryCache<object?>(time, _options.QueryCacheDuration, _options.MaxCachedQueriesPerKind);
        _permissions = new QueryCache<object?>(time, _options.QueryCacheDuration, _options.MaxCachedQueriesPerKind);
    }

    /// <summary>Raised whenever the auth state changes: login, logout, register, invalidation, or a check that answers differently.</summary>
    public event EventHandler<AuthStateChangedEventArgs>? AuthStateChanged;

    /// <summary>What the last check said, or <see cref="AuthStatus.Unknown"/> when none has answered since the last change.</summary>
    public AuthStatus Status => _status;

    /// <summary>True when an auth provider is available (refine's useIsExistAuthentication).</summary>
    public bool IsProvided => TryGetProvider() is not null;

    /// <summary>The optional members the provider implements (<see cref="AuthFeatures.None"/> without a provider).</summary>
    public AuthFeatures Features => TryGetProvider()?.Features ?? AuthFeatures.None;

    /// <summary>The options this engine runs with: a read-only copy taken when it was created (change them with <c>AddRefine(o => ...)</c>).</summary>
    public ReadOnlyRefineOptions Options => _options;

    /// <summary>
    /// Uses <paramref name="provider"/> from now on instead of the one registered in DI (what
    /// <c>&lt;Refine AuthProvider="..."&gt;</c> does) and forgets every cached answer.
    /// </summary>
    public void UseProvider(AuthProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (ReferenceEquals(_provider, provider))
        {
            return;
        }

        _provider = provider;
        InvalidateAuthStore();
    }

    /// <summary>Forgets the cached check, identity and permissions answers and raises <see cref="AuthStateChanged"/> (refine's useInvalidateAuthStore).</summary>
    public void InvalidateAuthStore() => Invalidate(AuthChangeReason.Invalidated);

    private void Invalidate(AuthChangeReason reason, string? redirectingTo = null)
    {
        Interlocked.Increment(ref _generation);
        _checks.Clear();
        _identities.Clear();
        _permissions.Clear();
        lock (_sessionGate)
        {
            _lastCheckAnswer = null;
            _status = AuthStatus.Unknown;
        }

        Raise(reason, AuthStatus.Unknown, redirectingTo);
    }

    private AuthProvider? TryGetProvider() => _provider ??= _services.GetService<AuthProvider>();

    private AuthProvider RequireProvider() => TryGetProvider() ?? throw new InvalidOperationException(NoProviderMessage);

    private void Raise(AuthChangeReason reason, AuthStatus status, string? redirectingTo = null)
    {
        var handlers = AuthStateChanged;
        if (handlers is null)
        {
            return;
        }

        var args = new AuthStateChangedEventArgs(reason, status, redirectingTo);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<AuthStateChangedEventArgs>>())
        {
            try
            {
                handler(this, args);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop the others or the action that raised the event.
                Log.StateHandlerThrew(_logger, ex);
            }
        }
    }
}
