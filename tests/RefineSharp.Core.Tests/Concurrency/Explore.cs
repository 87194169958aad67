using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace RefineSharp.Tests.Concurrency;

/// <summary>Runs a test body under Coyote's <see cref="TestingEngine"/> for many iterations and fails with its bug report.</summary>
internal static class Explore
{
    /// <summary>Iterations per invariant: enough to hit the narrow windows, small enough that the folder stays fast.</summary>
    public const uint Iterations = 300;

    public static void Schedules(Func<Task> test, uint iterations = Iterations)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations(iterations)
            .WithRandomGeneratorSeed(20261129)
            .WithSystematicFuzzingEnabled(true)
            .WithPotentialDeadlocksReportedAsBugs(false)
            .WithMaxFuzzingDelay(10);
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        Assert.True(report.NumOfFoundBugs == 0, "Coyote found a schedule that breaks the invariant:\n" + string.Join("\n", report.BugReports));
    }
}
