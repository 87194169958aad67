namespace RefineSharp.Blazor;

/// <summary>The page at "/forgot-password": an <see cref="AuthPage"/> of type <see cref="AuthPageType.ForgotPassword"/>. Add this assembly to the Router's AdditionalAssemblies to use it.</summary>
public sealed partial class ForgotPasswordPage;
