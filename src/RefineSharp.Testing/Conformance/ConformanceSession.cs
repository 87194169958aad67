using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Testing.Conformance;

/// <summary>
/// One user session (one circuit) around the provider under test, signed out at the start. Each conformance case
/// gets its own session and disposes it.
/// </summary>
public sealed class ConformanceSession : IAsyncDisposable
{
    private readonly Func<ValueTask>? _dispose;

    /// <summary>Creates a session around <paramref name="provider"/>; <paramref name="dispose"/> releases its host.</summary>
    public ConformanceSession(AuthProvider provider, ConformanceAccount account, Func<ValueTask>? dispose = null, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(account);
        Provider = provider;
        Account = account;
        _dispose = dispose;
        Services = services;
    }

    /// <summary>The session's services (the scope the provider came from), when the session was built from a container.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>The provider under test, as the app's engine would get it.</summary>
    public AuthProvider Provider { get; }

    /// <summary>An account the backend knows (for <see cref="ConformanceProfile.PasswordLogin"/> providers, its right password).</summary>
    public ConformanceAccount Account { get; }

    /// <summary>
    /// Signs <see cref="Account"/> in another way than a password login (a redirect provider seeds its session here).
    /// Null: the suite calls <c>LoginAsync</c> with the account's email and password.
    /// </summary>
    public Func<CancellationToken, Task>? SignIn { get; set; }

    /// <summary>
    /// Ends the session behind the provider's back (expire it, revoke it at the server). Null: the provider's session
    /// ends only by logout, and the case checks that instead.
    /// </summary>
    public Func<CancellationToken, Task>? EndSession { get; set; }

    /// <summary>
    /// Makes what the provider stands on fail (its token store or server throws). Null: the provider has no such part;
    /// only the engine's fail-closed answer to a throwing provider is checked.
    /// </summary>
    public Func<CancellationToken, Task>? BreakBackend { get; set; }

    /// <summary>
    /// A session whose provider comes from a container built by <paramref name="configure"/> (register RefineSharp and
    /// the provider as the app does); the provider is resolved in a scope, as one circuit gets it.
    /// </summary>
    public static ConformanceSession FromServices(ConformanceAccount account, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services);
        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var scope = root.CreateAsyncScope();
        return new ConformanceSession(scope.ServiceProvider.GetRequiredService<AuthProvider>(), account, async () =>
        {
            await scope.DisposeAsync();
            await root.DisposeAsync();
        }, scope.ServiceProvider);
    }

    /// <summary>Releases the session's host.</summary>
    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;
}
