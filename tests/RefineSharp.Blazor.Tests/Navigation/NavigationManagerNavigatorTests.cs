using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Tests.Redirects;

namespace RefineSharp.Blazor.Tests.Navigation;

public sealed class NavigationManagerNavigatorTests : RefineTestBase
{
    private const string AppBase = "http://127.0.0.1:5000/app/";

    private INavigator Navigator => Services.GetRequiredService<INavigator>();

    public static TheoryData<string> Hostile => RedirectCases.HostileData;

    public static TheoryData<string> Local => RedirectCases.LocalData;

    [Fact]
    public void NavigateTo_Replace_ReplacesTheHistoryEntry()
    {
        Navigator.NavigateTo("/login?to=%2Forders", NavigationKind.Replace);

        var entry = Navigation.History.Single();
        Assert.Equal("http://localhost/login?to=%2Forders", Navigation.Uri);
        Assert.True(entry.Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void NavigateTo_Push_AddsAHistoryEntry()
    {
        Navigator.NavigateTo("/bye", NavigationKind.Push);

        Assert.False(Navigation.History.Single().Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void CurrentUri_IsTheAppRelativePathAndQuery()
    {
        Navigation.NavigateTo("/orders/7?tab=items");

        Assert.Equal("/orders/7?tab=items", Navigator.CurrentUri);
    }

    // Used to assert only that CurrentUri stays "/", which a navigator that never calls NavigationManager also passes.
    // Now: NavigationManager was asked for the absolute URI, its exception stayed inside, and the failure was logged.
    [Fact]
    public void NavigateTo_NavigationManagerThrows_AttemptsTheAbsoluteUriAndLogsInsteadOfThrowing()
    {
        var manager = new RecordingNavigationManager(throwOnNavigate: true);
        var logger = new RecordingLogger();
        var navigator = new NavigationManagerNavigator(manager, logger);

        var thrown = Record.Exception(() => navigator.NavigateTo("/login", NavigationKind.Replace));

        Assert.Null(thrown);
        Assert.Equal(["http://localhost/login"], manager.Requested);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.IsType<NavigationException>(entry.Exception);
    }

    [Fact]
    public void CurrentUri_UnderAPathBase_StaysAppRelative()
    {
        var navigator = new NavigationManagerNavigator(new RecordingNavigationManager(throwOnNavigate: true, baseUri: AppBase, uri: AppBase + "orders?x=1"));

        Assert.Equal("/orders?x=1", navigator.CurrentUri);
    }

    [Theory]
    [MemberData(nameof(Local))]
    public void NavigateTo_LocalPathUnderAPathBase_HandsNavigationManagerTheAbsoluteUriUnderTheBase(string path)
    {
        var manager = new RecordingNavigationManager(baseUri: AppBase, uri: AppBase);
        var navigator = new NavigationManagerNavigator(manager);

        navigator.NavigateTo(path, NavigationKind.Push);

        var requested = Assert.Single(manager.Requested);
        Assert.Equal(AppBase + path[1..], requested);
        var absolute = new Uri(requested, UriKind.Absolute);
        Assert.Equal(("http", "127.0.0.1", 5000), (absolute.Scheme, absolute.Host, absolute.Port));
        Assert.StartsWith("/app/", absolute.AbsolutePath, StringComparison.Ordinal);
    }

    // The navigator is the last gate before Blazor: whatever a caller hands it (the engine, a guard, app code),
    // a value the rule refuses never reaches NavigationManager, and the log line is escaped and bounded.
    [Theory]
    [MemberData(nameof(Hostile))]
    [InlineData("login")]
    [InlineData("javascript:alert(document.domain)")]
    public void NavigateTo_HostileTarget_RefusedAndLoggedEscaped(string path)
    {
        var manager = new RecordingNavigationManager(baseUri: AppBase, uri: AppBase + "orders");
        var logger = new RecordingLogger();
        var navigator = new NavigationManagerNavigator(manager, logger);

        navigator.NavigateTo(path, NavigationKind.Replace);

        Assert.Empty(manager.Requested);
        Assert.Equal(AppBase + "orders", manager.Uri);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.DoesNotContain(entry.Message, char.IsControl);
        Assert.True(entry.Message.Length < 400, entry.Message);
    }

    [Theory]
    [InlineData("/javascript:alert(document.domain)")]
    [InlineData("/https:evil.example")]
    public void NavigateTo_SchemeInTheFirstSegment_NeverReachesNavigationManager(string path)
    {
        Navigator.NavigateTo(path, NavigationKind.Replace);

        Assert.Empty(Navigation.History);
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    private sealed class RecordingNavigationManager : NavigationManager
    {
        private readonly bool _throwOnNavigate;

        public RecordingNavigationManager(bool throwOnNavigate = false, string baseUri = "http://localhost/", string uri = "http://localhost/")
        {
            _throwOnNavigate = throwOnNavigate;
            Initialize(baseUri, uri);
        }

        public List<string> Requested { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options)
        {
            Requested.Add(uri);
            if (_throwOnNavigate)
            {
                throw new NavigationException(uri);
            }

            Uri = ToAbsoluteUri(uri).AbsoluteUri;
        }
    }

    private sealed class RecordingLogger : ILogger<NavigationManagerNavigator>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
