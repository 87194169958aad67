using System.Text.RegularExpressions;
using CsCheck;

namespace RefineSharp.Blazor.Tests.Forms;

/// <summary>
/// The forms' email check without the regex engine must accept exactly what the regular expression it replaced accepts:
/// the regex is the oracle, on generated strings built from the characters that matter ('@', '.', white space of every
/// kind .NET knows, letters, other symbols).
/// </summary>
public sealed class EmailShapeTests
{
    // The replaced pattern ended in "$", which in .NET also matches before one final "\n"; the form checks the trimmed
    // email, which never ends in one, so the oracle anchors at the very end ("\z") to compare what the form can see.
    private static readonly Regex Oracle = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("a@b.c", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("a@b..c", true)]
    [InlineData("a@.b.c", true)]
    [InlineData("ä@ö.ü", true)]
    [InlineData("a@b.", false)]
    [InlineData("a@.b", false)]
    [InlineData("@b.c", false)]
    [InlineData("a@b", false)]
    [InlineData("a@", false)]
    [InlineData("a@@b.c", false)]
    [InlineData("a@b@c.d", false)]
    [InlineData("a b@c.d", false)]
    [InlineData("a@b.c\u00A0", false)]
    [InlineData("a@b\u2028.c", false)]
    [InlineData("a\u0085@b.c", false)]
    [InlineData("", false)]
    [InlineData(".", false)]
    public void IsPlausible_KnownCases_AgreesWithTheRegex(string value, bool expected)
    {
        Assert.Equal(expected, Oracle.IsMatch(value));
        Assert.Equal(expected, EmailShape.IsPlausible(value));
    }

    [Fact]
    public void IsPlausible_Null_IsRefusedByName()
    {
        var error = Assert.Throws<ArgumentNullException>(() => EmailShape.IsPlausible(null!));

        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void IsPlausible_GeneratedStrings_AgreesWithTheRegex()
    {
        var interesting = Gen.OneOf(
            Gen.Const('@'), Gen.Const('.'), Gen.Const(' '), Gen.Const('\t'), Gen.Const('\n'), Gen.Const('\u00A0'),
            Gen.Const('\u0085'), Gen.Const('\u2028'), Gen.Const('\u2029'), Gen.Const('\u3000'), Gen.Const('\u200B'),
            Gen.Const('\u001F'), Gen.Char['a', 'e'], Gen.Char);
        var strings = Gen.OneOf(interesting.Array[0, 12].Select(c => new string(c)), Gen.String[0, 16]);

        strings.Sample(value => EmailShape.IsPlausible(value) == Oracle.IsMatch(value), iter: 100_000);
    }

    [Fact]
    public void IsPlausible_EveryCharacterAroundAValidShape_AgreesWithTheRegex()
    {
        // Each of the 65,536 UTF-16 units in each place of "a@b.c": white space classes cannot differ unnoticed.
        for (var c = char.MinValue; ; c++)
        {
            foreach (var value in new[] { $"{c}@b.c", $"a@{c}.c", $"a@b.{c}", $"a{c}@b.c", $"a@b{c}.c", $"a@b.c{c}" })
            {
                Assert.True(EmailShape.IsPlausible(value) == Oracle.IsMatch(value), $"U+{(int)c:X4} in \"{value}\"");
            }

            if (c == char.MaxValue)
            {
                break;
            }
        }
    }
}
