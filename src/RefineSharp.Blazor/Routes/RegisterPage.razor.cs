namespace RefineSharp.Blazor;

/// <summary>The page at "/register": an <see cref="AuthPage"/> of type <see cref="AuthPageType.Register"/>. Add this assembly to the Router's AdditionalAssemblies to use it.</summary>
public sealed partial class RegisterPage;
