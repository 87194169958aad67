namespace RefineSharp.Blazor;

/// <summary>
/// The notification outlet: shows the toasts the engine opens (login errors, success messages), each replaced by key,
/// closable, and closed after <see cref="RefineBlazorOptions.SuccessNotificationDuration"/> or
/// <see cref="RefineBlazorOptions.ErrorNotificationDuration"/>. <see cref="Refine"/> renders one.
/// </summary>
public sealed partial class RefineNotifications;
