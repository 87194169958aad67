namespace RefineSharp.Blazor;

/// <summary>One input of an auth form, as the markup of any kit renders it.</summary>
/// <param name="Id">The input's id and form name (stable: browser tests and password managers rely on it).</param>
/// <param name="InputType">"email" or "password".</param>
/// <param name="AutoComplete">The autocomplete hint ("username", "current-password", "new-password", ...).</param>
/// <param name="Label">The localized label.</param>
public sealed record AuthFormField(string Id, string InputType, string AutoComplete, string Label)
{
    /// <summary>Whether the input holds a secret (its value is never rendered by the server).</summary>
    public bool IsPassword => InputType == "password";

    /// <summary>The id of the element that shows this field's error message (its input's aria-describedby).</summary>
    public string ErrorId => Id + "-error";
}
