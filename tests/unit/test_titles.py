"""Task titles: the content's first clause, whole, distinct within the plan, never invented words."""

import re

from generator.model.titles import LONGEST, distinct_titles, task_title


def _words(text):
    return re.findall(r"\w+", text)


def test_a_short_first_sentence_is_the_title():
    assert (
        task_title("Học tập mô hình du lịch cộng đồng. Sau đó báo cáo UBND tỉnh.")
        == "Học tập mô hình du lịch cộng đồng"
    )


def test_first_clause_ends_at_semicolon_or_colon():
    assert (
        task_title("Tăng cường quảng bá, xúc tiến du lịch; thúc đẩy các doanh nghiệp lữ hành")
        == "Tăng cường quảng bá, xúc tiến du lịch"
    )


def test_a_bare_lead_in_takes_what_follows():
    title = task_title("Phối hợp: tổ chức hội nghị kết nối cung cầu nông sản tại Sơn La.")
    assert title.startswith("Phối hợp: tổ chức hội nghị")


def test_list_marker_is_dropped_and_whitespace_flattened():
    assert task_title("- Trao đổi   kinh nghiệm\nquản lý.") == "Trao đổi kinh nghiệm quản lý"


def test_a_long_clause_without_a_boundary_is_cut_at_a_comma_and_marked():
    items = ", ".join(f"phát triển vùng nguyên liệu số {n}" for n in range(1, 12))
    text = f"Trao đổi kinh nghiệm trong công tác quản lý về {items}."
    title = task_title(text)
    assert title.endswith(" …")
    body = title[:-2]
    assert 30 <= len(body) <= LONGEST
    assert text.startswith(body)  # a prefix: no word invented or changed
    assert text[len(body)] == ","  # cut at a comma, between list items
    assert _words(body)[-1] not in {"và", "của", "các", "với", "tại"}


def test_a_whole_sentence_up_to_the_limit_is_not_cut():
    text = (
        "Phối hợp tổ chức đoàn công tác của các xã đi khảo sát, học tập kinh nghiệm tại các xã "
        "có mô hình nông nghiệp ứng dụng công nghệ cao và sản phẩm OCOP tiêu biểu của tỉnh "
        "Thanh Hóa. Đặc biệt chú trọng vào các cây ăn quả."
    )
    assert task_title(text) == text[: text.index(". Đặc")]


def test_a_list_announced_by_a_colon_is_left_out_with_its_announcing_word():
    assert (
        task_title(
            "Hợp tác mở lớp đào tạo, bồi dưỡng nghiệp vụ du lịch như: lễ hành, xúc tiến "
            "thị trường, quảng bá du lịch."
        )
        == "Hợp tác mở lớp đào tạo, bồi dưỡng nghiệp vụ du lịch"
    )


def test_a_closing_note_of_who_leads_is_left_out():
    assert (
        task_title(
            "Tổ chức Hội nghị kết nối cung - cầu giữa Thành phố Hồ Chí Minh và các tỉnh, "
            "thành (Sở Công Thương Thành phố Hồ Chí Minh chủ trì)."
        )
        == "Tổ chức Hội nghị kết nối cung - cầu giữa Thành phố Hồ Chí Minh và các tỉnh, thành"
    )


def test_examples_in_brackets_stay_when_the_title_fits():
    text = (
        "Kết nối cung cấp nguyên liệu đầu vào cho công nghiệp chế biến thực phẩm, đồ uống, "
        "thủy sản (mận, xoài, chanh leo, nhãn, cá tầm...)"
    )
    assert task_title(text) == text


def test_a_too_long_sentence_keeps_its_main_clause_before_why():
    main = (
        "Chia sẻ thông tin và nắm bắt các khó khăn, vướng mắc trong quá trình triển khai các "
        "nội dung thỏa thuận"
    )
    why = " để xử lý kịp thời nhằm đảm bảo tiến độ thực hiện các nhiệm vụ" + " theo kế hoạch" * 8
    assert task_title(main + why + ".") == main


def test_a_quote_is_not_left_open():
    long = "Thực hiện Đề án “" + "phát triển vùng nguyên liệu, " * 12 + "” đúng tiến độ"
    title = task_title(long)
    assert "“" not in title or "”" in title
    assert title.endswith(" …")


class _T:
    def __init__(self, title, label, trail=(), timeframe=None):
        self.title, self.label, self.section_trail = title, label, trail
        self.timeframe = type("TF", (), {"text": timeframe})()


def test_shared_titles_get_their_year_or_their_heading_or_their_number():
    by_year = distinct_titles(
        [
            _T("Tổ chức Hội chợ", "2.1", ("2 Năm 2023:",), "năm 2023"),
            _T("Tổ chức Hội chợ", "3.1", ("3.1 Năm 2024:",), "Năm 2024"),
            _T("Họp", "3.2", (), None),
        ]
    )
    assert by_year == ["Tổ chức Hội chợ (năm 2023)", "Tổ chức Hội chợ (Năm 2024)", "Họp"]
    by_heading = distinct_titles(
        [
            _T(
                "Kết nối cung - cầu",
                "1.1",
                ("II HỢP TÁC", "1 Thành phố Hồ Chí Minh - Tỉnh Bắc Kạn"),
                "Quý III",
            ),
            _T(
                "Kết nối cung - cầu",
                "2.1",
                ("II HỢP TÁC", "2 Thành phố Hồ Chí Minh - Tỉnh Cao Bằng"),
                "Quý III",
            ),
        ]
    )
    assert by_heading == [
        "Kết nối cung - cầu (Thành phố Hồ Chí Minh - Tỉnh Bắc Kạn)",
        "Kết nối cung - cầu (Thành phố Hồ Chí Minh - Tỉnh Cao Bằng)",
    ]
    by_number = distinct_titles([_T("Họp …", "1", ("A",)), _T("Họp …", "2", ("A",))])
    assert by_number == ["Họp (mục 1)", "Họp (mục 2)"]


def test_every_real_task_has_a_whole_title_of_its_own_words(catalog):
    cut = [t.key for t in catalog.tasks if t.title.endswith(" …")]
    assert len(cut) * 10 <= len(catalog.tasks), cut  # at most one in ten shortened
    for t in catalog.tasks:
        body = t.title.removesuffix(" …")
        assert 0 < len(body) <= LONGEST + 60, t.key
        own = (
            set(_words(t.content))
            | set(_words(" ".join(t.section_trail)))
            | set(_words(t.timeframe.text or ""))
            | set(_words(f"mục {t.label}"))
        )
        assert set(_words(body)) <= own, t.key
        if not t.title.endswith(" …"):
            assert body.rsplit(" ", 1)[-1].lower() not in {"như", "và", "của", "để", "các"}, t.key


def test_no_two_tasks_of_a_plan_share_a_title(catalog):
    seen = {}
    for t in catalog.tasks:
        assert (t.plan, t.title) not in seen, (t.key, seen.get((t.plan, t.title)))
        seen[(t.plan, t.title)] = t.key


def test_the_sturgeon_task_says_sturgeon(catalog):
    task = next(t for t in catalog.tasks if t.plan == "son-la-hung-yen-2022-2025" and t.id == "b-3-6")
    assert "cá tầm" in task.title
