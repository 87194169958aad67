namespace RefineSharp.Blazor;

/// <summary>The page at "/login": an <see cref="AuthPage"/> of type <see cref="AuthPageType.Login"/>. Add this assembly to the Router's AdditionalAssemblies to use it.</summary>
public sealed partial class LoginPage;
