using System.Runtime.CompilerServices;
using Bunit;

namespace RefineSharp.Blazor.Tests;

/// <summary>
/// Raises bUnit's wait bound (WaitForAssertion, WaitForState, WaitForElement) for the whole project: the default 1 s
/// is too short on a loaded 2-core machine. An upper bound, not a timing: passing tests do not wait longer.
/// </summary>
internal static class WaitTimeout
{
    [ModuleInitializer]
    internal static void Raise() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
