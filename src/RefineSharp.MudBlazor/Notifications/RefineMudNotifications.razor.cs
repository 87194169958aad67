namespace RefineSharp.MudBlazor;

/// <summary>
/// The notification outlet of a statically rendered page (sign-in pages that post, and the page after their redirect)
/// in MudBlazor's look: refine's open notifications as alerts. Put it beside <c>&lt;MudSnackbarProvider /&gt;</c>.
/// </summary>
public sealed partial class RefineMudNotifications;
