namespace RefineSharp.Blazor.Diagnostics;

/// <summary>The developer messages of render-time setup mistakes: each names the markup or call that fixes it.</summary>
internal static class SetupMessages
{
    public static string For(SetupProblem problem, string component) => problem switch
    {
        SetupProblem.NotInteractive =>
            $"RefineSharp: <{component}> is rendered statically (this page has no interactive render mode and the auth " +
            "state lives in the browser), so it can never ask the auth provider and would show Loading forever. Give the " +
            "page a render mode: @rendermode InteractiveServer (or InteractiveWebAssembly / InteractiveAuto, the mode your " +
            "app uses), or set it once for all pages in App.razor: <Routes @rendermode=\"InteractiveServer\" />. With " +
            "server-side sessions (.AddServerSessions()) the auth state is known during static rendering too.",
        _ =>
            $"RefineSharp: <{component}> is rendered outside <Refine>, so its errors (a wrong password, an ended session) " +
            "reach no notification outlet and other tabs never hear of a sign-in. Wrap your Routes in <Refine>: in " +
            "Routes.razor, <Refine><Router AppAssembly=\"...\">...</Router></Refine> (in a render-mode island of its own, " +
            "<RefineAuthStateCascade> around the island's content).",
    };

    /// <summary>The value of the <c>data-refine-setup-error</c> attribute in Development.</summary>
    public static string Code(SetupProblem problem) => problem switch
    {
        SetupProblem.NotInteractive => "not-interactive",
        _ => "no-refine",
    };
}
