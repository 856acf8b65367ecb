using System.Globalization;
using System.Text;

namespace CcapBot.Domain;

/// <summary>Comparison keys for names typed by people: no case, no accents (đ → d), no spaces or punctuation.</summary>
public static class TextKey
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var folded = c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (char.IsLetterOrDigit(folded)) sb.Append(folded);
        }
        return sb.ToString();
    }
}
