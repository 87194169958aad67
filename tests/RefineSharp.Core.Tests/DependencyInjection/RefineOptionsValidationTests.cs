using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.DependencyInjection;

/// <summary>
/// Options that would make every call fail stop the app at start (ValidateOnStart) with a message that names the
/// option and the fix; each engine holds a read-only copy, so one session cannot change another's settings.
/// </summary>
public sealed class RefineOptionsValidationTests
{
    public static TheoryData<string, Action<RefineOptions>> InvalidOptions() => new()
    {
        { "ProviderTimeout", o => o.ProviderTimeout = TimeSpan.Zero },
        { "ProviderTimeout", o => o.ProviderTimeout = TimeSpan.FromSeconds(-1) },
        { "ProviderTimeout", o => o.ProviderTimeout = Timeout.InfiniteTimeSpan },
        { "ProviderTimeout", o => o.ProviderTimeout = TimeSpan.FromDays(60) },
        { "QueryCacheDuration", o => o.QueryCacheDuration = TimeSpan.FromSeconds(-5) },
        { "QueryCacheDuration", o => o.QueryCacheDuration = TimeSpan.MaxValue },
        { "MaxCachedQueriesPerKind", o => o.MaxCachedQueriesPerKind = 0 },
        { "MaxCachedQueriesPerKind", o => o.MaxCachedQueriesPerKind = -3 },
        { "MaxCachedQueriesPerKind", o => o.MaxCachedQueriesPerKind = int.MaxValue },
        { "ReturnPathParameter", o => o.ReturnPathParameter = "" },
        { "ReturnPathParameter", o => o.ReturnPathParameter = null! },
        { "ReturnPathParameter", o => o.ReturnPathParameter = "to&x" },
        { "ReturnPathParameter", o => o.ReturnPathParameter = "return url" },
        { "ReturnPathParameter", o => o.ReturnPathParameter = "to=" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AddRefine_InvalidOption_StartupValidationFailsNamingTheOption(string option, Action<RefineOptions> configure)
    {
        using var root = new ServiceCollection().AddRefine(configure).AddAuthProvider(new FakeAuthProvider()).Services.BuildServiceProvider();

        // What the generic host runs at start for ValidateOnStart.
        var error = Assert.Throws<OptionsValidationException>(() => root.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("RefineOptions." + option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AuthManager_InvalidOptionWithoutHost_ResolvingTheEngineFails(string option, Action<RefineOptions> configure)
    {
        using var root = new ServiceCollection().AddRefine(configure).AddAuthProvider(new FakeAuthProvider()).Services.BuildServiceProvider();
        using var scope = root.CreateScope();

        var error = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<AuthManager>());

        Assert.Contains("RefineOptions." + option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthManager_InvalidOptionsPassedDirectly_ConstructorFails()
    {
        using var root = new ServiceCollection().AddRefine().Services.BuildServiceProvider();
        var texts = root.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<RefineTexts>>();

        var error = Assert.Throws<OptionsValidationException>(() => new AuthManager(
            root, new RecordingNavigator(), new RecordingNotificationService(), texts, Options.Create(new RefineOptions { ProviderTimeout = TimeSpan.Zero })));

        Assert.Contains("RefineOptions.ProviderTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRefine_ValidOptionsAtTheEdges_StartupValidationPasses()
    {
        using var root = new ServiceCollection()
            .AddRefine(o =>
            {
                o.ProviderTimeout = RefineOptions.MaxProviderTimeout;
                o.QueryCacheDuration = TimeSpan.Zero;
                o.MaxCachedQueriesPerKind = 1;
                o.ReturnPathParameter = "return_Url-1.x~";
            })
            .Services.BuildServiceProvider();

        root.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void AddRefine_CalledTwice_OneValidatorAndNoExtraRegistration()
    {
        var once = new ServiceCollection();
        once.AddRefine();
        var twice = new ServiceCollection();
        twice.AddRefine();
        twice.AddRefine(o => o.ProviderTimeout = TimeSpan.FromSeconds(5));

        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<RefineOptions>));
        Assert.Equal(once.Count + 1, twice.Count);
    }

    [Fact]
    public void AuthManagerOptions_SharedOptionsChangedLater_EngineKeepsItsCopy()
    {
        using var root = new ServiceCollection()
            .AddRefine(o => o.ReturnPathParameter = "next")
            .AddAuthProvider(new FakeAuthProvider())
            .Services.BuildServiceProvider();
        using var first = root.CreateScope();
        using var second = root.CreateScope();
        var engine = first.ServiceProvider.GetRequiredService<AuthManager>();

        // The singleton everyone shares; changing it must not reach an engine that is already running.
        root.GetRequiredService<IOptions<RefineOptions>>().Value.ReturnPathParameter = "hijacked";

        Assert.Equal("next", engine.Options.ReturnPathParameter);
        Assert.Null(typeof(ReadOnlyRefineOptions).GetProperties().FirstOrDefault(p => p.CanWrite));
    }
}
