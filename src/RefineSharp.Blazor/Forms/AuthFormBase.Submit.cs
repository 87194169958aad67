namespace RefineSharp.Blazor;

/// <summary>Validation and the submits: the form and the provider buttons call the <see cref="AuthManager"/>.</summary>
public abstract partial class AuthFormBase
{
    /// <summary>Validates the fields and, when they are valid, sends the page's request (the form's onsubmit).</summary>
    protected async Task SubmitAsync()
    {
        if (_pending)
        {
            return;
        }

        TakePostedFields();
        Validate();
        _serverError = null;
        if (_errors.Count > 0)
        {
            _focusFirstError = true;
            ForgetPostedSecrets();
            return;
        }

        await RunAsync(Type switch
        {
            AuthPageType.Register => () => Auth.RegisterAsync(new RegisterRequest { Email = _email.Trim(), Password = _password, Extra = Variables() }),
            AuthPageType.ForgotPassword => () => Auth.ForgotPasswordAsync(new ForgotPasswordRequest { Email = _email.Trim(), Extra = Variables() }),
            AuthPageType.UpdatePassword => () => Auth.UpdatePasswordAsync(new UpdatePasswordRequest { Password = _password, ConfirmPassword = _confirmPassword, CurrentPassword = ShowCurrentPassword ? _currentPassword : null, Extra = Variables() }),
            _ => () => Auth.LoginAsync(new LoginRequest { Email = _email.Trim(), Password = _password, Remember = _remember, Extra = Variables() }),
        });
    }

    /// <summary>Signs in (or up) with an external provider (a provider button's onclick).</summary>
    protected Task ProviderAsync(AuthPageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (_pending)
        {
            return Task.CompletedTask;
        }

        _errors.Clear();
        _serverError = null;
        return RunAsync(Type == AuthPageType.Register
            ? () => Auth.RegisterAsync(new RegisterRequest { ProviderName = provider.Name, Extra = Variables() })
            : () => Auth.LoginAsync(new LoginRequest { ProviderName = provider.Name, Extra = Variables() }));
    }

    private async Task RunAsync(Func<Task<AuthActionResult>> action)
    {
        _pending = true;
        try
        {
            var result = await action();
            _serverError = result.Success ? null : result.Error?.Message;
            if (result.Success && Type == AuthPageType.UpdatePassword)
            {
                // A changed password must not stay in the form (the page may stay open, as a signed-in change does).
                _currentPassword = _password = _confirmPassword = string.Empty;
            }
        }
        catch (OperationCanceledException)
        {
            // The page is going away; nothing to show.
        }
        finally
        {
            _pending = false;
            ForgetPostedSecrets();
        }
    }

    private Dictionary<string, object?> Variables() =>
        MutationVariables is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(MutationVariables, StringComparer.Ordinal);

    private void Validate()
    {
        _errors.Clear();
        var page = TypeName;
        if (Type != AuthPageType.UpdatePassword)
        {
            if (string.IsNullOrWhiteSpace(_email))
            {
                _errors[FormField.Email] = T[PageTextKeys.Error(page, "requiredEmail")];
            }
            else if (!EmailShape.IsPlausible(_email.Trim()))
            {
                _errors[FormField.Email] = T[PageTextKeys.Error(page, "validEmail")];
            }
        }

        if (Type is AuthPageType.Login or AuthPageType.Register && string.IsNullOrEmpty(_password))
        {
            _errors[FormField.Password] = T[PageTextKeys.Error(page, "requiredPassword")];
        }

        if (Type == AuthPageType.UpdatePassword)
        {
            if (ShowCurrentPassword && string.IsNullOrEmpty(_currentPassword))
            {
                _errors[FormField.CurrentPassword] = T[PageTextKeys.UpdateRequiredCurrent];
            }

            if (string.IsNullOrEmpty(_password))
            {
                _errors[FormField.Password] = T[PageTextKeys.UpdateRequiredPassword];
            }

            if (string.IsNullOrEmpty(_confirmPassword))
            {
                _errors[FormField.ConfirmPassword] = T[PageTextKeys.UpdateRequiredConfirm];
            }
            else if (!string.Equals(_password, _confirmPassword, StringComparison.Ordinal))
            {
                _errors[FormField.ConfirmPassword] = T[PageTextKeys.UpdateConfirmNotMatch];
            }
        }
    }
}
