"""Task titles: the content's first clause, cut at a word boundary, never invented words."""
import re

from generator.titles import LONGEST, task_title


def _words(text):
    return re.findall(r"\w+", text)


def test_a_short_first_sentence_is_the_title():
    assert task_title("Học tập mô hình du lịch cộng đồng. Sau đó báo cáo UBND tỉnh.") == \
        "Học tập mô hình du lịch cộng đồng"


def test_first_clause_ends_at_semicolon_or_colon():
    assert task_title("Tăng cường quảng bá, xúc tiến du lịch; thúc đẩy các doanh nghiệp lữ hành") == \
        "Tăng cường quảng bá, xúc tiến du lịch"


def test_a_bare_lead_in_takes_what_follows():
    title = task_title("Phối hợp: tổ chức hội nghị kết nối cung cầu nông sản tại Sơn La.")
    assert title.startswith("Phối hợp: tổ chức hội nghị")


def test_list_marker_is_dropped_and_whitespace_flattened():
    assert task_title("- Trao đổi   kinh nghiệm\nquản lý.") == "Trao đổi kinh nghiệm quản lý"


def test_long_clause_is_cut_at_a_word_without_a_dangling_word():
    text = ("Tổ chức các đoàn công tác khảo sát học tập kinh nghiệm phát triển du lịch cộng đồng "
            "gắn với bảo tồn văn hóa truyền thống của đồng bào các dân tộc thiểu số tại các bản")
    title = task_title(text)
    assert title == "Tổ chức các đoàn công tác khảo sát học tập kinh nghiệm phát triển du lịch cộng đồng …"
    assert title.endswith(" …")
    body = title[:-2]
    assert 30 <= len(body) <= LONGEST
    assert text.startswith(body)                       # a prefix: no word invented or changed
    assert text[len(body)] in " ,"                     # cut at a word boundary
    assert _words(body)[-1] not in {"và", "của", "các", "với", "tại"}


def test_a_quote_is_not_left_open():
    text = ("Triển khai 03 đề án: Đề án “Phát triển Khu du lịch quốc gia Mộc Châu đủ điều kiện "
            "được công nhận vào năm 2025” và Đề án khác")
    assert task_title(text) == "Triển khai 03 đề án: Đề án …"
    long = "Thực hiện Đề án “" + "phát triển vùng nguyên liệu " * 6 + "” đúng tiến độ"
    assert "“" not in task_title(long) or "”" in task_title(long)


def test_every_real_task_has_a_title_of_its_own_words(catalog):
    for t in catalog.tasks:
        body = t.title.removesuffix(" …")
        assert 0 < len(body) <= LONGEST, t.key
        assert " ".join(t.content.split()).find(body.split(" ")[0]) >= 0
        assert set(_words(body)) <= set(_words(t.content)), t.key
