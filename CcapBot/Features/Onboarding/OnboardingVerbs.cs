namespace CcapBot.Features.Onboarding;

/// <summary>Verbs of cards/welcome.json; the template uses the same strings.</summary>
public static class OnboardingVerbs
{
    public const string SetLanguage = "language.set";
    public const string ShowHelp = "help.show";
    public const string StartRegistration = "registration.start";
}
