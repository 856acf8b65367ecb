namespace CcapBot.Domain;

/// <summary>An area of C3 cooperation (one of the reviewed action lists, or "other"). Data, not code.</summary>
public sealed class ActionCategory
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameVi { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    public const string Other = "other";

    public string Name(string language) => language == "vi" ? NameVi : NameEn;
}

/// <summary>A reviewed action list: the 4–8 activities a partnership usually starts from.</summary>
public sealed class ActionListTemplate
{
    public int Id { get; set; }
    public required string CategoryCode { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleVi { get; set; }
    public bool Reviewed { get; set; }
    public List<TemplateActivity> Activities { get; set; } = [];

    public string Title(string language) => language == "vi" ? TitleVi : TitleEn;
}

public sealed class TemplateActivity
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int Order { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleVi { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionVi { get; set; }

    public string Title(string language) => language == "vi" ? TitleVi : TitleEn;
    public string? Description(string language) => language == "vi" ? DescriptionVi : DescriptionEn;
}

/// <summary>The C3 rule for an agreed action list.</summary>
public static class ActionListRules
{
    public const int MinActivities = 4;
    public const int MaxActivities = 8;
}
