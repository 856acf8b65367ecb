using System.Globalization;
using CcapBot.Localization;

namespace CcapBot.Conversations.Forms;

/// <summary>The resource keys of a form, by convention, and the choices of a field with their titles.</summary>
public sealed class FormText(Localizer text)
{
    public Localizer Strings => text;

    public string Title(FormDefinition form, string language) => text.Get(language, $"Form.{form.Id}.Title");
    public string Label(FormDefinition form, FieldDefinition field, string language) => text.Get(language, $"Form.{form.Id}.{field.Id}.Label");
    public string Prompt(FormDefinition form, FieldDefinition field, string language) => text.Get(language, $"Form.{form.Id}.{field.Id}.Prompt");
    public string Help(FormDefinition form, FieldDefinition field, string language) => text.Get(language, $"Form.{form.Id}.{field.Id}.Help");

    /// <summary>Every resource key a form needs (checked by a test for both languages).</summary>
    public static IEnumerable<string> Keys(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        yield return $"Form.{form.Id}.Title";
        yield return $"Form.{form.Id}.Done";
        foreach (var field in form.Fields)
        {
            yield return $"Form.{form.Id}.{field.Id}.Label";
            yield return $"Form.{form.Id}.{field.Id}.Prompt";
            yield return $"Form.{form.Id}.{field.Id}.Help";
            if (field.Type is FieldType.SingleChoice or FieldType.MultiChoice && field.OptionsFrom is null)
            {
                foreach (var choice in field.Choices) yield return $"Form.{form.Id}.{field.Id}.{choice}";
            }
            foreach (var rule in field.Rules) yield return rule.ErrorKey;
        }
        foreach (var rule in form.Rules) yield return rule.ErrorKey;
    }

    /// <summary>The options of a choice-like field: value, title in the user's language, and every name that selects it.</summary>
    public IReadOnlyList<FieldOption> Options(FieldContext context, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(field);
        var (form, language, today) = (context.Form, context.Language, context.Today);
        return field.Type switch
        {
            FieldType.SingleChoice or FieldType.MultiChoice when field.OptionsFrom is { } data => data(context),
            FieldType.SingleChoice or FieldType.MultiChoice => [.. field.Choices.Select(c => new FieldOption(c, text.Get(language, $"Form.{form.Id}.{field.Id}.{c}"),
                [c, .. Languages.All.Select(l => text.Get(l, $"Form.{form.Id}.{field.Id}.{c}"))]))],
            FieldType.YesNo =>
            [
                new FieldOption("true", text.Get(language, "Dialog.Yes"), [.. Words("Dialog.YesWords")]),
                new FieldOption("false", text.Get(language, "Dialog.No"), [.. Words("Dialog.NoWords")]),
            ],
            FieldType.Country => [.. ReferenceData.Countries.Select(c => new FieldOption(c.Code, c.Name(language), [.. c.AllNames]))],
            FieldType.Languages => [.. ReferenceData.LanguageNames.Select(c => new FieldOption(c.Code, c.Name(language), [.. c.AllNames]))],
            FieldType.TimeZone => [.. TimeZones.Offered.Select(z => new FieldOption(z, TimeZones.Display(z, context.Now), [.. TimeZones.Names(z)]))],
            FieldType.Month => [.. Enumerable.Range(-field.MonthsBack, field.MonthsBack + field.MonthsAhead + 1)
                .Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(i))
                .Select(m => new FieldOption(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), MonthTitle(m, language), []))],
            _ => [],
        };
    }

    /// <summary>Words of every language from a "a|b|c" resource (what users may type for yes, no, keep…).</summary>
    public IEnumerable<string> Words(string key) => Languages.All.SelectMany(l => text.Get(l, key).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static string MonthTitle(DateOnly month, string language) =>
        month.ToString("Y", CultureInfo.GetCultureInfo(Languages.Culture(language)));
}

public sealed record FieldOption(string Value, string Title, IReadOnlyList<string> Names);
