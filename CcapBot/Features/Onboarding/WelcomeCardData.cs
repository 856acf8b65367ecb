using System.Text.Json.Serialization;

namespace CcapBot.Features.Onboarding;

public sealed record WelcomeCardData(string Title, string Body, string StartLabel, string HelpLabel, string LanguageLabel, string OtherLanguage);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WelcomeCardData))]
internal sealed partial class OnboardingJsonContext : JsonSerializerContext;
