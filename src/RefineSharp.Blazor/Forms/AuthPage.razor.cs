namespace RefineSharp.Blazor;

/// <summary>
/// refine's headless <c>&lt;AuthPage&gt;</c>: the login, sign-up, forgot-password and update-password forms in
/// RefineSharp's own look (refine.css), validated before they are sent, with texts from
/// <c>IStringLocalizer&lt;RefineBlazorTexts&gt;</c>. The behaviour is <see cref="AuthFormBase"/>'s; this adds markup only.
/// </summary>
public sealed partial class AuthPage;
