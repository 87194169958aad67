namespace RefineSharp.FluentUI;

/// <summary>
/// The notification outlet of a statically rendered page (sign-in pages that post, and the page after their redirect)
/// in Fluent UI's look: refine's open notifications as message bars. Put it beside <c>&lt;FluentProviders /&gt;</c>.
/// </summary>
public sealed partial class RefineFluentNotifications;
