#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# mkpdf.pl - small PDFs for the reader's tests, written byte by byte so
# that each is exactly the case it names (no PDF library decides for us).
#
#   mkpdf.pl KIND OUT.pdf
#
#   scan     one page holding only an image: a scan without a text layer
#   text     two pages of body text with a running header, a "Sida N av M"
#            footer, a hyphen at a line end, and a table row
#   pages    a page tree that claims 1 000 000 000 pages
#   many     20 001 pages (one content stream shared): over --max-pages
#   nesting  a content stream of arrays nested 200 000 deep
#   bomb     a content stream that inflates from about 1 MiB to 1 GiB
#   bomb2    the same filtered twice, [/FlateDecode /FlateDecode], 256 MiB
#            (a few KiB in the file)
#   a85bomb  [/ASCII85Decode /FlateDecode] inflating to 64 MiB, at 800:1,
#            under the default --max-ratio
#   deep     a page dictionary holding arrays nested 100 000 deep (outside
#            any stream)
#   encrypted  a PDF that says it is encrypted (/Encrypt in the trailer)
use strict;
use warnings;
use Compress::Zlib;

my ($kind, $out) = @ARGV;
die "usage: mkpdf.pl KIND OUT.pdf\n" unless defined $out;

# Objects are numbered from 1 in the order given; the xref is computed.
sub write_pdf {
	my ($objs, $trailer_extra) = @_;
	my $pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
	my @off;
	for my $i (0 .. $#$objs) {
		push @off, length $pdf;
		$pdf .= ($i + 1) . " 0 obj\n$objs->[$i]\nendobj\n";
	}
	my $xref = length $pdf;
	$pdf .= "xref\n0 " . (@$objs + 1) . "\n0000000000 65535 f \n";
	$pdf .= sprintf "%010d 00000 n \n", $_ for @off;
	$pdf .= "trailer\n<< /Size " . (@$objs + 1) . " /Root 1 0 R"
	    . ($trailer_extra // '') . " >>\nstartxref\n$xref\n%%EOF\n";
	open my $h, '>:raw', $out or die "$out: $!\n";
	print $h $pdf;
	close $h;
}

sub stream {
	my ($data, $dict) = @_;
	return "<< /Length " . length($data) . ($dict // '') .
	    " >>\nstream\n$data\nendstream";
}

my $font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " .
    "/Encoding /WinAnsiEncoding >>";

sub page_objs {
	my ($contents, $res) = @_;
	# 1 catalog, 2 pages, 3 page, 4 contents, 5 font or image
	return ["<< /Type /Catalog /Pages 2 0 R >>",
	    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " .
	    "/Resources $res /Contents 4 0 R >>", $contents];
}

# Lines of text: [x, y, size, string] in a content stream.
sub text_ops {
	my $s = '';
	for (@_) {
		my ($x, $y, $size, $t) = @$_;
		$t =~ s/([()\\])/\\$1/g;
		$s .= "BT /F1 $size Tf $x $y Td ($t) Tj ET\n";
	}
	return $s;
}

# A line of text, then MIB MiB of a comment line: inflates, but draws
# nothing.  Each MiB is a new deflate block, so the ratio is deflate's
# best, about 1030:1.
sub bomb_data {
	my ($mib) = @_;
	my $d = deflateInit(-Level => 9) or die;
	my ($z, $st) = $d->deflate(text_ops([72, 700, 11, "Bomb."]));
	my $chunk = "%" . ("x" x 1048574) . "\n";
	for (1 .. $mib) {
		my ($c) = $d->deflate($chunk);
		$z .= $c;
	}
	my ($c) = $d->flush();
	return $z . $c;
}

# ASCII85, as PDF's ASCII85Decode reads it (with "z" and "~>").
sub ascii85 {
	my ($s) = @_;
	my $out = '';
	my $pad = (4 - length($s) % 4) % 4;
	$s .= "\0" x $pad;
	for my $v (unpack 'N*', $s) {
		if ($v == 0) { $out .= 'z'; next; }
		my $g = '';
		for (1 .. 5) { $g = chr(33 + $v % 85) . $g; $v = int($v / 85); }
		$out .= $g;
	}
	if ($pad) {
		$out =~ s/z\z/!!!!!/;
		substr($out, -$pad) = '';
	}
	$out =~ s/(.{72})/$1\n/g;
	return $out . "~>";
}

if ($kind eq 'scan') {
	my $pixels = "\x80" x (16 * 16);
	my $o = page_objs(stream("q 400 0 0 400 100 300 cm /Im1 Do Q"),
	    "<< /XObject << /Im1 5 0 R >> >>");
	push @$o, stream($pixels, " /Type /XObject /Subtype /Image " .
	    "/Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8");
	write_pdf($o);
} elsif ($kind eq 'text') {
	my @pages;
	my @body = (
	    [ [72, 700, 11, "1. Parter"],
	      [72, 680, 11, "1.1 Denna overenskommelse galler for utvecklings-"],
	      [72, 667, 11, "ansvaret i lanet och for Vasterbottens-"],
	      [72, 654, 11, "kommunerna, som har kompetens- och"],
	      [72, 641, 11, "utbildningsansvar for hela utvecklingsansvaret i lanet"],
	      [72, 628, 11, "och dess kommuner fram till den sista dagen i denna"] ],
	    [ [72, 760, 11, "period av samverkan."],
	      [72, 740, 11, "1.2 Parterna ska samverka."],
	      [72, 720, 11, "Part"], [300, 720, 11, "Bidrag"],
	      [72, 707, 11, "Umea kommun"], [300, 707, 11, "100 000"] ]);
	my @objs = ("<< /Type /Catalog /Pages 2 0 R >>", undef);
	my @kids;
	for my $p (0 .. 1) {
		my $ops = text_ops([72, 800, 9, "Overenskommelse om samverkan"],
		    @{$body[$p]}, [260, 40, 9, "Sida " . ($p + 1) . " av 2"]);
		push @objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
		    . " /Resources << /Font << /F1 " . (@objs + 3) . " 0 R >> >>"
		    . " /Contents " . (@objs + 2) . " 0 R >>";
		push @kids, scalar(@objs) . " 0 R";
		push @objs, stream($ops), $font;
	}
	$objs[1] = "<< /Type /Pages /Kids [@kids] /Count 2 >>";
	write_pdf(\@objs);
} elsif ($kind eq 'pages') {
	my $o = page_objs(stream(text_ops([72, 700, 11, "En sida."])),
	    "<< /Font << /F1 5 0 R >> >>");
	$o->[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>";
	push @$o, $font;
	write_pdf($o);
} elsif ($kind eq 'many') {
	my $n = 20001;
	my @objs = ("<< /Type /Catalog /Pages 2 0 R >>", undef,
	    stream(text_ops([72, 700, 11, "Sida."])), $font);
	my @kids;
	for (1 .. $n) {
		push @objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
		    . " /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>";
		push @kids, scalar(@objs) . " 0 R";
	}
	$objs[1] = "<< /Type /Pages /Kids [@kids] /Count $n >>";
	write_pdf(\@objs);
} elsif ($kind eq 'nesting') {
	my $n = 200000;
	my $o = page_objs(stream(("[" x $n) . ("]" x $n) . "\n" .
	    text_ops([72, 700, 11, "Djupt."])), "<< /Font << /F1 5 0 R >> >>");
	push @$o, $font;
	write_pdf($o);
} elsif ($kind eq 'deep') {
	my $n = 100000;
	my $o = page_objs(stream(text_ops([72, 700, 11, "Djupt."])),
	    "<< /Font << /F1 5 0 R >> >>");
	my $deep = "/Deep " . ("[" x $n) . ("]" x $n) . " /Contents";
	$o->[2] =~ s/\/Contents/$deep/;
	push @$o, $font;
	write_pdf($o);
} elsif ($kind =~ /^(bomb|bomb2|a85bomb)$/) {
	my %mib = (bomb => 1024, bomb2 => 256, a85bomb => 64);
	my $z = bomb_data($mib{$kind});
	my $filter = " /Filter /FlateDecode";
	if ($kind eq 'bomb2') {
		$z = compress($z, 9);
		$filter = " /Filter [/FlateDecode /FlateDecode]";
	} elsif ($kind eq 'a85bomb') {
		$z = ascii85($z);
		$filter = " /Filter [/ASCII85Decode /FlateDecode]";
	}
	my $o = page_objs(stream($z, $filter), "<< /Font << /F1 5 0 R >> >>");
	push @$o, $font;
	write_pdf($o);
} elsif ($kind eq 'encrypted') {
	my $o = page_objs(stream(text_ops([72, 700, 11, "Hemlig."])),
	    "<< /Font << /F1 5 0 R >> >>");
	push @$o, $font, "<< /Filter /Standard /V 2 /R 3 /Length 128 " .
	    "/P -3904 /O <" . ("a1" x 32) . "> /U <" . ("b2" x 32) . "> >>";
	write_pdf($o, " /Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef>"
	    . " <0123456789abcdef0123456789abcdef>]");
} else {
	die "mkpdf.pl: unknown kind $kind\n";
}
