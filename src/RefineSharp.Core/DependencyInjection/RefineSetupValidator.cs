using System.Reflection;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The startup check of <c>AddRefine()</c>: mistakes that would otherwise surface as the container's generic "unable to
/// resolve" on the first render, or as a login that silently fails, stop the app at start with a message naming the
/// call to add. Runs through ValidateOnStart, so the host runs it once when it starts.
/// </summary>
internal sealed class RefineSetupValidator : IValidateOptions<RefineSetup>
{
    private const string NavigationManager = "Microsoft.AspNetCore.Components.NavigationManager";

    private readonly RefineSetup _setup;
    private readonly IServiceProviderIsService _isService;

    public RefineSetupValidator(RefineSetup setup, IServiceProviderIsService isService)
    {
        _setup = setup;
        _isService = isService;
    }

    public ValidateOptionsResult Validate(string? name, RefineSetup options)
    {
        var failures = new List<string>();
        CheckBlazor(failures);
        CheckBearerHandler(failures);
        CheckProviderConstructor(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A Blazor app (Razor components registered) whose navigator is still the no-op one never called AddBlazor():
    // <Refine> could not resolve its services, and a login would never navigate.
    private void CheckBlazor(List<string> failures)
    {
        if (_setup.IsRegistered(NavigationManager) && _setup.ImplementationOf(typeof(INavigator)) == typeof(NoOpNavigator))
        {
            failures.Add(StartupMessages.MissingAddBlazor);
        }
    }

    private void CheckBearerHandler(List<string> failures)
    {
        var handlers = _setup.Services
            .Where(d => d.ServiceType == typeof(BearerTokenHandler))
            .Any();
        if (handlers && !_isService.IsService(typeof(ITokenStore)))
        {
            failures.Add(StartupMessages.BearerHandlerWithoutStore);
        }
    }

    // The provider of AddAuthProvider<T>() is built by the container: a constructor parameter nobody registered would
    // only fail at the first render ("Unable to resolve service for type ..."). The common ones get the exact fix.
    private void CheckProviderConstructor(List<string> failures)
    {
        if (_setup.ProviderType is not { } provider || _setup.ImplementationOf(provider) != provider)
        {
            // Built by a factory (a typed HttpClient, a ready provider): the factory knows its own dependencies.
            return;
        }

        var constructors = provider.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0 || constructors.Any(c => c.GetParameters().All(IsSatisfied)))
        {
            return;
        }

        var missing = constructors
            .OrderByDescending(c => c.GetParameters().Length)
            .First()
            .GetParameters()
            .First(p => !IsSatisfied(p));
        failures.Add(StartupMessages.ProviderDependencyMissing(provider, missing.ParameterType));
    }

    private bool IsSatisfied(ParameterInfo parameter) =>
        parameter.HasDefaultValue || _isService.IsService(parameter.ParameterType);
}
