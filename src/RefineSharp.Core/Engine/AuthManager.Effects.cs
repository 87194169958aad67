namespace RefineSharp;

public sealed partial class AuthManager
{
    /// <summary>The validated <c>?to=</c> of the current URL, or null when absent or not a local path.</summary>
    internal string? ReadReturnPath()
    {
        var parameters = QueryString.Parse(SafeCurrentUri());
        return parameters.TryGetValue(_options.ReturnPathParameter, out var to) ? Validated(to, "?" + _options.ReturnPathParameter + "=") : null;
    }

    /// <summary>Returns <paramref name="target"/> when it is a local path; otherwise logs it and returns null ("as if absent").</summary>
    internal string? Validated(string? target, string source)
    {
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (LocalRedirect.IsLocal(target))
        {
            return target;
        }

        Log.RedirectRejected(_logger, source, LogSafe(target));
        return null;
    }

    /// <summary>Navigates to an already validated path; a throwing navigator is logged, never propagated.</summary>
    internal void Navigate(string? path, NavigationKind kind)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            _navigator.NavigateTo(path, kind);
        }
        catch (Exception ex)
        {
            Log.NavigatorThrew(_logger, LogSafe(path), ex);
        }
    }

    /// <summary>refine's notification rules (spec 2.0): close the error on success, show the success notification, show the error on failure.</summary>
    private void Notify(AuthAction action, AuthActionResult result)
    {
        if (result.Success)
        {
            SafeNotify(action.ErrorKey, n => n.Close(action.ErrorKey));
            if (result.SuccessNotification is { } success)
            {
                SafeNotify(action.SuccessKey, n => n.Open(new AuthNotification(action.SuccessKey, NotificationType.Success, success.Message, success.Description)));
            }
        }

        if (result.Error is not null || !result.Success)
        {
            var message = string.IsNullOrEmpty(result.Error?.Name) ? _texts[action.ErrorTitleText].Value : result.Error.Name;
            var description = string.IsNullOrEmpty(result.Error?.Message) ? _texts[action.ErrorDescriptionText].Value : result.Error.Message;
            SafeNotify(action.ErrorKey, n => n.Open(new AuthNotification(action.ErrorKey, NotificationType.Error, message, description)));
        }
    }

    private void SafeNotify(string key, Action<INotificationService> show)
    {
        try
        {
            show(_notifications);
        }
        catch (Exception ex)
        {
            Log.NotificationThrew(_logger, key, ex);
        }
    }

    private string SafeCurrentUri()
    {
        try
        {
            return _navigator.CurrentUri ?? "/";
        }
        catch (Exception ex)
        {
            Log.NavigatorThrew(_logger, "(reading the current URI)", ex);
            return "/";
        }
    }

    // Hostile values may hold control characters meant to forge log lines; keep logs one line and short.
    private static string LogSafe(string value)
    {
        var shortened = value.Length > 200 ? value[..200] + "…" : value;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
