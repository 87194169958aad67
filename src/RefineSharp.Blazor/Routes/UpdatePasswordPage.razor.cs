namespace RefineSharp.Blazor;

/// <summary>The page at "/update-password": an <see cref="AuthPage"/> of type <see cref="AuthPageType.UpdatePassword"/>. Add this assembly to the Router's AdditionalAssemblies to use it.</summary>
public sealed partial class UpdatePasswordPage;
